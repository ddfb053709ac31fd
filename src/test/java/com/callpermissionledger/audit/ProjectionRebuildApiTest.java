package com.callpermissionledger.audit;

import com.callpermissionledger.http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin projection endpoints: where the dashboard processor is, and rebuilding its four tables from the
 * events, which must give back the very same rows.
 */
class ProjectionRebuildApiTest extends AuditApiTestSupport {

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("dashboard_pair", "pair_id");
        TABLES.put("dashboard_request", "pair_id, request_id");
        TABLES.put("dashboard_call", "pair_id, sequence_number");
        TABLES.put("dashboard_refused_request", "pair_id, sequence_number");
    }

    @Test
    void rebuildingTheDashboardGivesBackEveryRow() throws Exception {
        String a = pairRoot("7401", "491740000001");
        String b = pairRoot("7401", "491740000002");
        advance("PT1M");
        expect(200, "PUT", "/api/v1/businesses/7401/settings", "{\"callbackPermission\":\"ENABLED\"}");
        expect(201, "POST", a + "/permission-requests", "{\"requestId\":\"wamid.r1\",\"channel\":\"TEMPLATE\"}");
        advance("PT1M");
        expect(200, "POST", a + "/permission-requests/wamid.r1/delivered", "{}");
        expect(429, "POST", a + "/permission-requests", "{\"requestId\":\"wamid.r2\",\"channel\":\"FREE_FORM\"}");
        advance("PT1M");
        expect(200, "POST", a + "/permission-requests/wamid.r1/reply", "{\"response\":\"ACCEPT\"}");
        for (String call : List.of("wacid.r1", "wacid.r2", "wacid.r3")) {
            advance("PT5M");
            expect(201, "POST", a + "/calls", "{\"callId\":\"" + call + "\"}");
            advance("PT5M");
            expect(200, "POST", a + "/calls/" + call + "/outcome",
                    "{\"outcome\":\"" + (call.equals("wacid.r3") ? "CONNECTED" : "UNANSWERED") + "\"}");
        }
        advance("PT1M");
        expect(403, "POST", b + "/calls", "{\"callId\":\"wacid.r9\"}");
        expect(200, "POST", b + "/user-calls", "{\"callId\":\"wacid.u9\",\"outcome\":\"MISSED\"}");
        advance("PT1M");
        expect(201, "POST", b + "/calls", "{\"callId\":\"wacid.r9\"}");
        expect(200, "POST", b + "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}");
        // expiries of a's grant and request, recorded by the sweeper
        advance("PT200H");
        awaitStoredCount("7401:491740000001", 15);

        Map<String, List<Map<String, Object>>> before = awaitCaughtUpSnapshot();
        assertThat(types(history("7401", "491740000001"))).contains("PermissionExpired", "PermissionRequestExpired");
        assertThat(rowsOf(before, "dashboard_pair")).containsExactly("7401:491740000001", "7401:491740000002");
        assertThat(rowsOf(before, "dashboard_refused_request")).hasSize(1);
        assertThat(rowsOf(before, "dashboard_call")).hasSize(6);
        assertThat(rowsOf(before, "dashboard_request")).hasSize(1);

        // damage the projection: a rebuild that did not replay would leave this
        jdbc.update("update dashboard_refused_request set rule = 'damaged' where pair_id = ?", "7401:491740000001");
        jdbc.update("delete from dashboard_call where pair_id = ?", "7401:491740000002");
        jdbc.update("update dashboard_pair set warning = not warning");
        assertThat(snapshot()).isNotEqualTo(before);

        Answer rebuild = post("/api/v1/admin/projections/dashboard/rebuild", null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        assertThat(json.readTree(rebuild.body()).get("name").asText()).isEqualTo("dashboard");

        // the rows come back and the processor reaches the head again
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, List<Map<String, Object>>> after = snapshot();
        while (!(atHead() && after.equals(before)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = snapshot();
        }
        for (String table : TABLES.keySet()) {
            assertThat(after.get(table)).as(table + " row for row").containsExactlyElementsOf(before.get(table));
        }
        JsonNode status = dashboardStatus();
        assertThat(status.get("lag").asLong()).as("caught up: " + status).isZero();
        assertThat(status.get("position").asLong()).as("at the head: " + status).isEqualTo(head());

        // and then says it is no longer replaying, without waiting for an event that may never come
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (status.get("replaying").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = dashboardStatus();
        }
        assertThat(status.get("replaying").asBoolean())
                .as("replaying once every event up to the head is replayed: " + status).isFalse();
    }

    @Test
    void listsTheDashboardProcessorAndRefusesUnknownNames() throws Exception {
        JsonNode list = getJson("/api/v1/admin/projections");
        assertThat(list.isArray()).isTrue();
        // the dashboard, and the tracking processor that applies webhook statuses held for requests not yet recorded
        assertThat(list).extracting(p -> p.get("name").asText())
                .containsExactlyInAnyOrder("dashboard", "webhook-pending-statuses");
        for (JsonNode processor : list) {
            assertThat(processor.has("position")).isTrue();
            assertThat(processor.has("lag")).isTrue();
            assertThat(processor.has("replaying")).isTrue();
        }

        Answer unknown = post("/api/v1/admin/projections/no-such-projection/rebuild", null);
        JsonNode problem = assertProblem(unknown, 404, "UNKNOWN_PROJECTION");
        assertThat(problem.get("detail").asText()).contains("no-such-projection");
        // a subscribing processor is no projection to rebuild
        assertProblem(post("/api/v1/admin/projections/business-settings/rebuild", null), 404, "UNKNOWN_PROJECTION");
    }

    private Map<String, List<Map<String, Object>>> awaitCaughtUpSnapshot() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long head = head();
        while (System.nanoTime() < deadline) {
            if (caughtUp()) {
                Map<String, List<Map<String, Object>>> snapshot = snapshot();
                Thread.sleep(500);
                if (head() == head && caughtUp() && snapshot().equals(snapshot)) {
                    return snapshot;
                }
            }
            Thread.sleep(200);
            head = head();
        }
        throw new AssertionError("the dashboard never caught up: " + dashboardStatus() + ", head " + head());
    }

    private boolean caughtUp() throws Exception {
        return atHead() && !dashboardStatus().get("replaying").asBoolean();
    }

    private void awaitStoredCount(String stream, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (storedCount(stream) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(storedCount(stream)).as("events of " + stream).isEqualTo(count);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> rows.put(table, jdbc.queryForList("select * from " + table + " order by " + key)));
        return rows;
    }

    private static List<Object> rowsOf(Map<String, List<Map<String, Object>>> snapshot, String table) {
        return snapshot.get(table).stream().filter(r -> r.get("PAIR_ID").toString().startsWith("7401:"))
                .map(r -> r.get("PAIR_ID")).map(Object.class::cast).toList();
    }
}
