package com.callpermissionledger.api;

import com.callpermissionledger.http.Keys;
import com.callpermissionledger.openapi.ApiContract;
import com.callpermissionledger.openapi.LedgerClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A client typed from the document reads the refusals, not only the successes, as typed values. */
class TypedClientApiTest extends HttpApiSupport {

    @Test
    void theClientTypesAreTheDocumentsSchemas() throws Exception {
        JsonNode schemas = JSON.readTree(ApiContract.document(port)).get("components").get("schemas");

        assertThat(Arrays.stream(LedgerClient.Problem.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyInAnyOrderElementsOf(fieldNames(schemas.get("Problem").get("properties")));
        List<String> codes = new ArrayList<>();
        schemas.get("Problem").get("properties").get("code").get("enum").forEach(c -> codes.add(c.asText()));
        assertThat(Arrays.stream(LedgerClient.ProblemCode.values()).map(Enum::name)).containsExactlyElementsOf(codes);
        assertThat(Arrays.stream(LedgerClient.CallView.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyInAnyOrderElementsOf(fieldNames(schemas.get("CallView").get("properties")));
    }

    @Test
    void placingCallsUntilTheCapReadsCallLimit24hAsATypedProblemWithItsRetryAt() {
        LedgerClient client = new LedgerClient("http://localhost:" + port, Keys.UPSTREAM);
        Pair pair = newPair();
        assertThat(client.grantPermission(pair.business(), pair.user(), false))
                .isInstanceOf(LedgerClient.Success.class);
        List<Instant> placed = new ArrayList<>();

        LedgerClient.Answer<LedgerClient.CallView> answer;
        int attempts = 0;
        do {
            advance(Duration.ofMinutes(10));
            answer = client.placeCall(pair.business(), pair.user(), "wacid.typed" + ++attempts);
            if (answer instanceof LedgerClient.Success<LedgerClient.CallView> success) {
                assertThat(success.status()).isEqualTo(201);
                placed.add(success.body().placedAt());
            }
        } while (answer instanceof LedgerClient.Success && attempts < 10);

        assertThat(answer).isInstanceOf(LedgerClient.Refused.class);
        LedgerClient.Problem problem = ((LedgerClient.Refused<LedgerClient.CallView>) answer).problem();
        assertThat(problem.code()).isEqualTo(LedgerClient.ProblemCode.CALL_LIMIT_24H);
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.platformCode()).isEqualTo(138012);
        assertThat(problem.rule()).isEqualTo("R-CALL-CAP");
        assertThat(placed).hasSize(5);
        assertThat(problem.retryAt()).isEqualTo(placed.get(0).plus(DAY));
        assertThat(problem.evidence()).containsExactlyElementsOf(placed);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
