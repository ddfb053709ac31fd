package com.callpermissionledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A key over its rate gets 429 problem+json with Retry-After; another key is not held back by it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.rate-limit.per-second=3")
@ActiveProfiles({"test", "simulation"})
class RateLimitApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aRunawayKeyIsHeldBackAndOthersAreNot() throws Exception {
        int limited = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 10; i++) {
            last = get("test-dashboard-key");
            if (last.statusCode() == 429) {
                limited++;
                break;
            }
        }
        assertThat(limited).as("the 4th request within a second at 3 per second").isEqualTo(1);
        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(last.headers().firstValue("Retry-After")).contains("1");
        assertThat(new ObjectMapper().readTree(last.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(get("test-auditor-key").statusCode()).as("another key has its own bucket").isEqualTo(200);
    }

    private HttpResponse<String> get(String key) throws Exception {
        return com.callpermissionledger.openapi.ApiContract.documented(port, http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/dashboard/summary"))
                .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
}
