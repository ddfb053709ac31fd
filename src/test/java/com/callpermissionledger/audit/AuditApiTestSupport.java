package com.callpermissionledger.audit;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.RunningLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every audit test class shares (identical annotations, so it starts once), on a database
 * of its own, and what the audit tests add to the shared client ({@link RunningLedger}): requests with headers of
 * their own (another key, a correlation id), real-time marks to bracket recorded instants, and the event table
 * read directly with JDBC where a test needs the stored truth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:audit-api-tests;DB_CLOSE_DELAY=-1")
abstract class AuditApiTestSupport extends RunningLedger {

    final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    static String pairRoot(String business, String user) {
        return "/api/v1/businesses/" + business + "/users/" + user;
    }

    /** A JSON body ({@code null}: none) with extra headers; an {@code X-Api-Key} among them replaces the ADMIN key. */
    Answer send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = http().request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return http().send(request.build());
    }

    Answer post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    /** A GET that must answer 200 with JSON. */
    JsonNode getJson(String path) throws Exception {
        Answer answer = get(path);
        assertThat(answer.status()).as("GET " + path + " -> " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
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

    /** Waits until the dashboard has applied every stored event, so what a test changes next is not projected. */
    void awaitDashboardAtHead() {
        await("the dashboard at the last stored event").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(this::atHead);
    }

    boolean atHead() throws Exception {
        JsonNode status = dashboardStatus();
        return status.hasNonNull("lag") && status.get("lag").asLong() == 0 && status.hasNonNull("position")
                && status.get("position").asLong() == head();
    }

    JsonNode dashboardStatus() throws Exception {
        for (JsonNode status : getJson("/api/v1/admin/projections")) {
            if (status.get("name").asText().equals("dashboard")) {
                return status;
            }
        }
        throw new AssertionError("no dashboard processor listed");
    }

    long head() {
        Long max = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }
}
