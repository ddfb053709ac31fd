package com.callpermissionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context every audit test class shares (identical annotations, so it starts once), and the
 * HTTP helpers they use: real HTTP against the running server, the simulated clock moved through its endpoint,
 * and the event table read directly with JDBC where a test needs the stored truth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:audit-api-tests;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "simulation"})
abstract class AuditApiTestSupport {

    /** The ADMIN key of the test profile; its name, test-admin, is the client of requests without a key of their own. */
    static final String ADMIN_KEY = "test-admin-key";

    static final String PROBLEM_JSON = "application/problem+json";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** An answer as it came over the wire. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    static String pairRoot(String business, String user) {
        return "/api/v1/businesses/" + business + "/users/" + user;
    }

    Answer send(String method, String path, String body, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (!headers.containsKey("X-Api-Key")) {
            request.header("X-Api-Key", ADMIN_KEY);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        com.callpermissionledger.openapi.ApiContract.assertDocumented(port, method, path, response.statusCode(),
                response.headers().map(), response.body());
        return new Answer(response.statusCode(), response.body(), response);
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null, Map.of());
    }

    /** A GET that must answer 200 with JSON. */
    JsonNode getJson(String path) throws Exception {
        Answer answer = get(path);
        assertThat(answer.status()).as("GET " + path + " -> " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    Answer post(String path, String body) throws Exception {
        return send("POST", path, body, Map.of());
    }

    Answer post(String path, String body, Map<String, String> headers) throws Exception {
        return send("POST", path, body, headers);
    }

    /** A command that must be answered with exactly {@code status}. */
    JsonNode expect(int status, String method, String path, String body) throws Exception {
        return expect(status, method, path, body, Map.of());
    }

    JsonNode expect(int status, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        Answer answer = send(method, path, body, headers);
        assertThat(answer.status()).as(method + " " + path + " " + body + " -> " + answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? json.nullNode() : json.readTree(answer.body());
    }

    /** Moves the simulated clock forward and answers the new now. */
    Instant advance(String duration) throws Exception {
        JsonNode now = expect(200, "POST", "/api/v1/admin/clock", "{\"advance\":\"" + duration + "\"}");
        return Instant.parse(now.get("now").asText());
    }

    Instant now() throws Exception {
        return advance("PT0S");
    }

    /**
     * A real-time mark, the first instant of a new millisecond: events are recorded at real time (never the
     * simulated clock, see docs/audit.md), so a test brackets each command between two marks; an event
     * written after this mark is recorded at or after it, one written before it is recorded before it.
     */
    static Instant wallMark() {
        long start = System.currentTimeMillis();
        long now = start;
        while (now == start) {
            Thread.onSpinWait();
            now = System.currentTimeMillis();
        }
        return Instant.ofEpochMilli(now);
    }

    /** recordedAt of an entry lies in [from, to). */
    static void assertRecordedWithin(JsonNode entry, Instant from, Instant to) {
        assertThat(instant(entry.get("recordedAt"))).as("recordedAt of " + entry.get("type"))
                .isAfterOrEqualTo(from).isBefore(to);
    }

    /** A problem+json answer with the given status and code. */
    JsonNode assertProblem(Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        return problem;
    }

    List<JsonNode> history(String business, String user) throws Exception {
        JsonNode answer = getJson(pairRoot(business, user) + "/events");
        List<JsonNode> events = new ArrayList<>();
        answer.get("events").forEach(events::add);
        return events;
    }

    List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    long storedCount(String stream) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, stream);
    }

    long storedCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    static Instant instant(JsonNode node) {
        assertThat(node).as("an instant").isNotNull();
        assertThat(node.isNull()).as("an instant, not null").isFalse();
        return Instant.parse(node.asText());
    }
}
