package com.callpermissionledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

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

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", "test-admin-key")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return com.callpermissionledger.openapi.ApiContract.documented(port,
                HttpApiSupport.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theAdminClockIsNotFoundWithoutTheSimulationProfile() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/v1/admin/clock", "{\"advance\":\"PT24H\"}");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).contains(HttpApiSupport.PROBLEM_JSON);
        JsonNode problem = HttpApiSupport.JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("now");
    }

    @Test
    void theNotFoundProblemCarriesItsCode() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/v1/admin/clock", "{\"advance\":\"PT24H\"}");

        JsonNode problem = HttpApiSupport.JSON.readTree(answer.body());
        assertThat(problem.path("code").asText(null)).as(answer.body()).isEqualTo("NOT_FOUND");
        assertThat(problem.path("type").asText()).isEqualTo("urn:call-permission-ledger:problem:not-found");
    }

    @Test
    void decisionsFollowTheSystemClock() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        String pair = "/api/v1/businesses/77" + System.nanoTime() % 1_000_000 + "/users/4" + System.nanoTime() % 1_000_000;

        HttpResponse<String> granted = send("POST", pair + "/permission/grant",
                "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":false}");

        Instant after = Instant.now().plusMillis(1);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        Instant grantedAt = Instant.parse(HttpApiSupport.JSON.readTree(granted.body()).get("grantedAt").asText());
        assertThat(grantedAt).isBetween(before, after);
    }
}
