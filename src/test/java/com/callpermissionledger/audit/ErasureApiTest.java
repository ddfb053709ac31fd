package com.callpermissionledger.audit;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.Keys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure request: the user id disappears from the event table, the projections and the schedule; the
 * decisions stay under a pseudonym, still verifiable; the erasure is itself on record; and only ADMIN may do it.
 */
class ErasureApiTest extends AuditApiTestSupport {

    private static final String BUSINESS = "7301";
    private static final String USER = "4917301234567";

    @Test
    void erasureRemovesTheUserIdEverywhereAndKeepsAVerifiableHistory() throws Exception {
        String root = pairRoot(BUSINESS, USER);
        expect(201, "POST", root + "/permission-requests", "{\"requestId\":\"wamid.e1\",\"channel\":\"TEMPLATE\"}");
        expect(429, "POST", root + "/permission-requests", "{\"requestId\":\"wamid.e2\",\"channel\":\"FREE_FORM\"}");
        expect(200, "POST", root + "/permission-requests/wamid.e1/reply", "{\"response\":\"ACCEPT\"}");
        expect(201, "POST", root + "/calls", "{\"callId\":\"wacid.e1\"}");
        // the pair's own events, not the whole store: other tests' pairs share this ledger and its sweeper
        long before = storedCount(BUSINESS + ":" + USER);
        awaitDashboardRow();

        Answer refused = post("/api/v1/admin/erasures", "{\"business\":\"" + BUSINESS + "\",\"user\":\"" + USER + "\"}",
                Map.of("X-Api-Key", Keys.AUDITOR));
        assertThat(refused.status()).as("only ADMIN erases").isEqualTo(403);

        JsonNode result = expect(200, "POST", "/api/v1/admin/erasures",
                "{\"business\":\"" + BUSINESS + "\",\"user\":\"" + USER + "\"}");
        assertThat(result.get("events").asInt()).isEqualTo(5);

        assertThat(storedCount(BUSINESS + ":" + USER)).isZero();
        List<byte[]> payloads = jdbc.query("select payload from domain_event_entry", (rs, n) -> rs.getBytes(1));
        assertThat(payloads).noneMatch(p -> new String(p, StandardCharsets.UTF_8).contains(USER));
        for (String table : List.of("dashboard_pair", "dashboard_request", "dashboard_call", "dashboard_refused_request",
                "due_expiry")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where pair_id = ?", Long.class,
                    BUSINESS + ":" + USER)).as(table).isZero();
        }
        assertThat(history(BUSINESS, USER)).as("the user's history is gone").isEmpty();

        String stream = jdbc.queryForObject("select stream from erasure_log where stream like ?", String.class,
                BUSINESS + ":ER.%");
        assertThat(stream).matches(BUSINESS + ":ER\\.[0-9a-f]{16}");
        assertThat(jdbc.queryForObject("select erased_by from erasure_log where stream = ?", String.class, stream))
                .isEqualTo("test-admin");
        assertThat(storedCount(stream)).as("no event is removed").isEqualTo(before).isEqualTo(5);
        for (String table : List.of("dashboard_call", "dashboard_refused_request")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where pair_id = ?", Long.class, stream))
                    .as("the projection rows moved with the history: " + table).isEqualTo(1);
        }
        JsonNode verdict = getJson("/api/v1/events/verify");
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        String pseudonym = stream.substring(stream.indexOf(':') + 1);
        assertThat(types(history(BUSINESS, pseudonym))).containsExactly("PermissionRequested",
                "PermissionRequestRefused", "PermissionReplyRecorded", "PermissionGranted", "CallPlaced");

        expect(404, "POST", "/api/v1/admin/erasures", "{\"business\":\"" + BUSINESS + "\",\"user\":\"" + USER + "\"}");
        JsonNode fresh = getJson(root + "/call-permission");
        assertThat(fresh.path("ledger").path("state").asText()).as("a returning user starts afresh").isEqualTo("NONE");

        // a rebuild after the erasure brings the pseudonym's rows back from the events, and never the user id
        Map<String, List<Map<String, Object>>> erased = rows(stream);
        assertThat(erased.get("dashboard_pair")).hasSize(1);
        Answer rebuild = post("/api/v1/admin/projections/dashboard/rebuild", null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(dashboardAtHead() && rows(stream).equals(erased))) {
            assertThat(System.nanoTime()).as("the rebuilt rows of " + stream).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(rows(BUSINESS + ":" + USER).values()).allMatch(List::isEmpty);
    }

    private Map<String, List<Map<String, Object>>> rows(String pair) {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (String table : List.of("dashboard_pair", "dashboard_request", "dashboard_call", "dashboard_refused_request")) {
            List<Map<String, Object>> found = jdbc.queryForList("select * from " + table + " where pair_id = ?", pair);
            found.sort(Comparator.comparing(Object::toString));
            rows.put(table, found);
        }
        return rows;
    }

    private boolean dashboardAtHead() throws Exception {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        for (JsonNode status : getJson("/api/v1/admin/projections")) {
            if (status.get("name").asText().equals("dashboard")) {
                return status.hasNonNull("position") && status.get("position").asLong() == head;
            }
        }
        return false;
    }

    private void awaitDashboardRow() throws Exception {
        for (int i = 0; i < 100; i++) {
            Long rows = jdbc.queryForObject("select count(*) from dashboard_call where pair_id = ?", Long.class,
                    BUSINESS + ":" + USER);
            if (rows != null && rows > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard did not catch up");
    }
}
