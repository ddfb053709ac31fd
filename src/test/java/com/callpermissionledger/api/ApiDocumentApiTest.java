package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.openapi.ApiContract;
import com.callpermissionledger.openapi.ApiDocumentLint;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.LedgerHttp.PROBLEM_JSON;
import static com.callpermissionledger.http.LedgerHttp.APPLICATION_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The served document is the contract: it lints clean, names the project, the key and the roles, and every
 * answer the HTTP tests receive is held to it ({@link ApiContract}, called from {@code LedgerHttp.send}).
 */
class ApiDocumentApiTest extends HttpApiSupport {

    @Test
    void theServedDocumentLintsClean() {
        assertThat(ApiDocumentLint.findings(ApiContract.document(port))).isEmpty();
    }

    @Test
    void itNamesTheProjectTheKeyAndTheRolesOfEachOperation() throws Exception {
        JsonNode doc = JSON.readTree(ApiContract.document(port));

        assertThat(doc.at("/info/title").asText()).isEqualTo("Call Permission Ledger API");
        assertThat(doc.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(doc.at("/security/0/apiKey").isArray()).isTrue();
        JsonNode placeCall = doc.at("/paths/~1api~1v1~1businesses~1{business}~1users~1{user}~1calls/post");
        assertThat(placeCall.at("/x-roles").toString()).isEqualTo("[\"UPSTREAM\",\"ADMIN\"]");
        assertThat(placeCall.at("/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/CallView");
        assertThat(placeCall.at("/responses/429/content/application~1problem+json/examples/CALL_LIMIT_24H/value/retryAt")
                .asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(placeCall.at("/responses/503/description").asText()).contains("LEDGER_BUSY");
    }

    @Test
    void anUndocumentedStatusFieldOrCodeFailsTheTestThatReceivedIt() {
        Pair pair = newPair();
        Map<String, List<String>> json = Map.of("Content-Type", List.of(APPLICATION_JSON));
        Map<String, List<String>> problem = Map.of("Content-Type", List.of(PROBLEM_JSON));
        String path = pair.path("/calls");

        ApiContract.assertDocumented(port, "POST", path, 201, json,
                "{\"callId\":\"wacid.1\",\"placedAt\":\"2026-11-24T09:00:00Z\",\"ledger\":{\"state\":\"GRANTED\"}}");
        assertThatThrownBy(() -> ApiContract.assertDocumented(port, "POST", path, 200, json,
                "{\"callId\":\"wacid.1\"}")).hasMessageContaining("200");
        assertThatThrownBy(() -> ApiContract.assertDocumented(port, "POST", path, 201, json,
                "{\"callId\":\"wacid.1\",\"surprise\":true}")).hasMessageContaining("surprise");
        assertThatThrownBy(() -> ApiContract.assertDocumented(port, "POST", path, 429, problem,
                "{\"type\":\"t\",\"title\":\"t\",\"status\":429,\"detail\":\"d\",\"code\":\"CALL_LIMIT_7D\"}"))
                .hasMessageContaining("CALL_LIMIT_7D");
        Answer real = placeCall(pair, "wacid.contract");
        assertProblem(real, 403, "NO_PERMISSION");
        assertThatThrownBy(() -> ApiContract.assertDocumented(port, "POST", path, real.status(), real.headers().map(),
                real.body().replace("\"code\":", "\"surprise\":1,\"code\":"))).hasMessageContaining("surprise");
    }
}
