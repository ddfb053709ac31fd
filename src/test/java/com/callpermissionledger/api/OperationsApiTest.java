package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** Health and the OpenAPI document, served by the same context as the API tests. */
class OperationsApiTest extends HttpApiSupport {

    @Test
    void healthIsUp() {
        Answer answer = get("/actuator/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/");
        assertThat(answer.json()).isEqualTo(JSON.createObjectNode().put("status", "UP"));
    }

    @Test
    void theAdminClockMovesForwardAndNeverBack() {
        Instant before = now();

        Answer moved = post("/api/v1/admin/clock", "{\"advance\":\"PT24H\"}");

        JsonNode body = assertOk(moved, 200);
        assertThat(PermissionRequestApiTest.fieldNames(body)).containsExactly("now");
        assertThat(instant(body.get("now"))).isEqualTo(before.plus(DAY));
        JsonNode problem = assertProblem(post("/api/v1/admin/clock", "{\"advance\":\"-PT1S\"}"), 400,
                "INVALID_REQUEST");
        assertThat(problem.get("detail").asText()).contains("negative");
        assertThat(now()).isEqualTo(before.plus(DAY));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        Answer answer = get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode doc = answer.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        String pair = "/api/v1/businesses/{business}/users/{user}";
        JsonNode paths = doc.get("paths");
        List<String[]> operations = List.of(
                new String[]{pair + "/permission-requests", "post"},
                new String[]{pair + "/permission-requests/{requestId}", "get"},
                new String[]{pair + "/permission-requests/{requestId}/delivered", "post"},
                new String[]{pair + "/permission-requests/{requestId}/reply", "post"},
                new String[]{pair + "/permission/grant", "post"},
                new String[]{pair + "/permission/revoke", "post"},
                new String[]{pair + "/calls", "post"},
                new String[]{pair + "/calls/{callId}", "get"},
                new String[]{pair + "/calls/{callId}/outcome", "post"},
                new String[]{pair + "/user-calls", "post"},
                new String[]{pair + "/call-permission", "get"},
                new String[]{"/api/v1/businesses/{business}/settings", "get"},
                new String[]{"/api/v1/businesses/{business}/settings", "put"});
        for (String[] operation : operations) {
            assertThat(paths.path(operation[0]).has(operation[1]))
                    .as("%s %s in /v3/api-docs", operation[1].toUpperCase(), operation[0]).isTrue();
        }
    }
}
