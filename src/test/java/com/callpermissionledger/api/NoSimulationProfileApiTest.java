package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static com.callpermissionledger.http.LedgerHttp.PROBLEM_JSON;
import static com.callpermissionledger.http.LedgerHttp.APPLICATION_JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second Spring context, without the {@code simulation} profile: the clock cannot be moved and the
 * ledger runs on the system clock. Kept to one class, since each context costs seconds to start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoSimulationProfileApiTest {

    @LocalServerPort
    int port;

    private Answer send(String method, String path, String json) {
        return new LedgerHttp(port).send(method, path, APPLICATION_JSON,
                HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    @Test
    void theAdminClockIsNotFoundWithoutTheSimulationProfile() throws Exception {
        Answer answer = send("POST", "/api/v1/admin/clock", "{\"advance\":\"PT24H\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).contains(PROBLEM_JSON);
        JsonNode problem = HttpApiSupport.JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("now");
    }

    @Test
    void theNotFoundProblemCarriesItsCode() throws Exception {
        Answer answer = send("POST", "/api/v1/admin/clock", "{\"advance\":\"PT24H\"}");

        JsonNode problem = HttpApiSupport.JSON.readTree(answer.body());
        assertThat(problem.path("code").asText(null)).as(answer.body()).isEqualTo("NOT_FOUND");
        assertThat(problem.path("type").asText()).isEqualTo("urn:call-permission-ledger:problem:not-found");
    }

    @Test
    void decisionsFollowTheSystemClock() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        String pair = "/api/v1/businesses/77" + System.nanoTime() % 1_000_000 + "/users/4" + System.nanoTime() % 1_000_000;

        Answer granted = send("POST", pair + "/permission/grant",
                "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":false}");

        Instant after = Instant.now().plusMillis(1);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        Instant grantedAt = Instant.parse(HttpApiSupport.JSON.readTree(granted.body()).get("grantedAt").asText());
        assertThat(grantedAt).isBetween(before, after);
    }
}
