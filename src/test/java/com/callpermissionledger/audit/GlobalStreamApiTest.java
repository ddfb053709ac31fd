package com.callpermissionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/events: every event of the ledger in global order, paged by position or started at a time. */
class GlobalStreamApiTest extends AuditApiTestSupport {

    @Test
    void pagingWithAfterAndLimitCoversEveryEventExactlyOnceInGlobalOrder() throws Exception {
        String root = pairRoot("7201", "491720000001");
        expect(200, "PUT", "/api/v1/businesses/7201/settings", "{\"callbackPermission\":\"ENABLED\"}");
        advance("PT1M");
        expect(201, "POST", root + "/permission-requests", "{\"requestId\":\"wamid.g1\",\"channel\":\"TEMPLATE\"}");
        advance("PT1M");
        expect(200, "POST", root + "/user-calls", "{\"callId\":\"wacid.u1\",\"outcome\":\"MISSED\"}");
        advance("PT1M");
        expect(201, "POST", root + "/calls", "{\"callId\":\"wacid.g1\"}");
        advance("PT1M");
        expect(200, "POST", root + "/calls/wacid.g1/outcome", "{\"outcome\":\"CONNECTED\"}");

        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            JsonNode page = getJson("/api/v1/events?after=" + after + "&limit=3");
            JsonNode events = page.get("events");
            assertThat(events.size()).as("page size").isLessThanOrEqualTo(3);
            if (events.isEmpty()) {
                assertThat(page.get("next").asLong()).as("an empty page stays where it was").isEqualTo(after);
                break;
            }
            assertThat(page.get("next").asLong()).as("next is the last position of the page")
                    .isEqualTo(events.get(events.size() - 1).get("position").asLong());
            events.forEach(all::add);
            after = page.get("next").asLong();
            pages++;
            assertThat(pages).as("paging ends").isLessThan(10_000);
        }

        List<Long> positions = all.stream().map(e -> e.get("position").asLong()).toList();
        List<Long> stored = jdbc.queryForList("select global_index from domain_event_entry where global_index <= ?"
                + " order by global_index", Long.class, after);
        assertThat(positions).as("every stored event once, in global order").containsExactlyElementsOf(stored);
        assertThat(pages).isEqualTo((stored.size() + 2) / 3);

        // the stream shows each event exactly as the pair's history does
        List<JsonNode> pair = history("7201", "491720000001");
        assertThat(types(pair)).containsExactly("PermissionRequested", "UserCallRecorded", "PermissionGranted",
                "CallPlaced", "CallOutcomeRecorded", "RequestLimitsReset");
        List<JsonNode> pairInStream = all.stream()
                .filter(e -> e.get("stream").asText().equals("7201:491720000001")).toList();
        assertThat(pairInStream).containsExactlyElementsOf(pair);
        List<JsonNode> settings = all.stream().filter(e -> e.get("stream").asText().equals("settings:7201")).toList();
        assertThat(types(settings)).containsExactly("BusinessSettingsChanged");
        assertThat(settings.get(0).get("payload").get("callbackPermission").asText()).isEqualTo("ENABLED");

        // the default limit is 100, from the start
        JsonNode first = getJson("/api/v1/events");
        assertThat(first.get("events")).hasSize(Math.min(100, stored.size()));
        assertThat(first.get("events").get(0)).isEqualTo(all.get(0));
        assertThat(getJson("/api/v1/events?after=0&limit=1000").get("events").size())
                .isEqualTo(Math.min(1000, stored.size()));
    }

    @Test
    void fromStartsTheStreamAtARecordingInstant() throws Exception {
        String root = pairRoot("7202", "491720000002");
        advance("PT1M");
        Instant before = wallMark();
        expect(200, "POST", root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        advance("PT1H");
        Instant from = wallMark();
        expect(201, "POST", root + "/calls", "{\"callId\":\"wacid.f1\"}");
        advance("PT1M");
        Instant later = wallMark();
        expect(200, "POST", root + "/calls/wacid.f1/outcome", "{\"outcome\":\"FAILED\"}");
        Instant end = wallMark();

        List<JsonNode> pair = history("7202", "491720000002");
        assertThat(types(pair)).containsExactly("PermissionGranted", "CallPlaced", "CallOutcomeRecorded");
        assertRecordedWithin(pair.get(0), before, from);
        assertRecordedWithin(pair.get(1), from, later);
        assertRecordedWithin(pair.get(2), later, end);

        JsonNode page = getJson("/api/v1/events?from=" + from + "&limit=1000");
        List<JsonNode> events = new ArrayList<>();
        page.get("events").forEach(events::add);
        // every stored event recorded at or after from, and no other, in global order
        List<Long> expected = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode all = getJson("/api/v1/events?after=" + after + "&limit=1000");
            if (all.get("events").isEmpty()) {
                break;
            }
            for (JsonNode e : all.get("events")) {
                if (!instant(e.get("recordedAt")).isBefore(from)) {
                    expected.add(e.get("position").asLong());
                }
            }
            after = all.get("next").asLong();
        }
        assertThat(events.stream().map(e -> e.get("position").asLong()).toList()).containsExactlyElementsOf(expected);
        assertThat(events).contains(pair.get(1), pair.get(2)).doesNotContain(pair.get(0));
        assertThat(page.get("next").asLong()).isEqualTo(events.get(events.size() - 1).get("position").asLong());

        // from and after together: after the placed call, from the same instant
        JsonNode next = getJson("/api/v1/events?from=" + from + "&after=" + pair.get(1).get("position").asLong()
                + "&limit=1");
        assertThat(next.get("events")).hasSize(1);
        assertThat(next.get("events").get(0).get("position").asLong())
                .isEqualTo(expected.get(expected.indexOf(pair.get(1).get("position").asLong()) + 1));

        // from a future instant: nothing yet
        Instant future = wallMark().plusSeconds(3600);
        JsonNode none = getJson("/api/v1/events?from=" + future + "&after=5");
        assertThat(none.get("events")).isEmpty();
        assertThat(none.get("next").asLong()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"after=-1", "after=x", "after=1.5", "limit=0", "limit=1001", "limit=abc",
            "limit=-5", "from=yesterday", "from=2026-11-24",
            "from=2026-11-24T08:00:00"})
    void badParametersAreProblems(String query) throws Exception {
        JsonNode problem = assertProblem(get("/api/v1/events?" + query), 400, "INVALID_REQUEST");
        assertThat(problem.get("detail").asText()).contains(query.substring(0, query.indexOf('=')));
    }
}
