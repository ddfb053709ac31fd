package com.callpermissionledger.audit;

import com.callpermissionledger.http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/events/export: NDJSON, one stored event per line, for a business and a recording-time range. */
class EventExportApiTest extends AuditApiTestSupport {

    private static final String BUSINESS = "7501";
    private static final String X = "491750000001";
    private static final String Y = "491750000002";

    @Test
    void exportsEveryEventOfABusinessExactlyAsStored() throws Exception {
        Instant[] t = scenario();

        Answer answer = get("/api/v1/events/export?business=" + BUSINESS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        assertThat(answer.body()).endsWith("\n");
        List<JsonNode> lines = parse(answer.body());

        long expected = storedCount(BUSINESS + ":" + X) + storedCount(BUSINESS + ":" + Y)
                + storedCount("settings:" + BUSINESS);
        assertThat(expected).isEqualTo(7);
        assertThat(lines).hasSize((int) expected);
        assertThat(lines.stream().map(l -> l.get("stream").asText() + "#" + l.get("sequence").asLong()).toList())
                .containsExactly("settings:7501#0", "7501:491750000001#0", "7501:491750000001#1",
                        "7501:491750000002#0", "7501:491750000002#1", "settings:7501#1", "7501:491750000002#2");
        assertThat(lines.stream().map(l -> l.get("type").asText()).toList()).containsExactly(
                "BusinessSettingsChanged", "PermissionRequested", "PermissionRequestDelivered", "PermissionGranted",
                "CallPlaced", "BusinessSettingsChanged", "CallOutcomeRecorded");
        for (int i = 0; i < 7; i++) {
            assertRecordedWithin(lines.get(i), t[i], t[i + 1]);
        }

        // each line carries the payload and metadata the history shows, and the stored revision
        Map<Long, JsonNode> stream = globalStream();
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().containsExactly("position", "stream", "sequence", "type",
                    "revision", "recordedAt", "payload", "metadata");
            JsonNode entry = stream.get(line.get("position").asLong());
            assertThat(entry).as("the stream has position " + line.get("position")).isNotNull();
            assertThat(line.get("stream")).isEqualTo(entry.get("stream"));
            assertThat(line.get("sequence")).isEqualTo(entry.get("sequence"));
            assertThat(line.get("type")).isEqualTo(entry.get("type"));
            assertThat(line.get("payload")).as("payload of " + line.get("position")).isEqualTo(entry.get("payload"));
            assertThat(line.get("metadata")).isEqualTo(entry.get("metadata"));
            assertThat(line.get("revision").asText()).isEqualTo("1");
        }
        List<JsonNode> x = history(BUSINESS, X);
        assertThat(lines.get(1).get("payload")).isEqualTo(x.get(0).get("payload"));
        assertThat(lines.get(2).get("payload")).isEqualTo(x.get(1).get("payload"));
        assertThat(lines.get(2).get("metadata")).isEqualTo(x.get(1).get("metadata"));
    }

    @Test
    void fromAndToFilterByRecordingTime() throws Exception {
        Instant[] t = scenarioFor("7502");
        // from is inclusive, to exclusive
        List<JsonNode> middle = parse(get("/api/v1/events/export?business=7502&from=" + t[2] + "&to=" + t[5]).body());
        assertThat(middle.stream().map(l -> l.get("type").asText()).toList())
                .containsExactly("PermissionRequestDelivered", "PermissionGranted", "CallPlaced");
        for (int i = 0; i < 3; i++) {
            assertRecordedWithin(middle.get(i), t[i + 2], t[i + 3]);
        }

        List<JsonNode> from = parse(get("/api/v1/events/export?business=7502&from=" + t[5]).body());
        assertThat(from.stream().map(l -> l.get("type").asText()).toList())
                .containsExactly("BusinessSettingsChanged", "CallOutcomeRecorded");

        List<JsonNode> to = parse(get("/api/v1/events/export?business=7502&to=" + t[1]).body());
        assertThat(to.stream().map(l -> l.get("stream").asText()).toList()).containsExactly("settings:7502");

        Instant grantRecorded = instant(middle.get(1).get("recordedAt"));
        assertThat(get("/api/v1/events/export?business=7502&from=" + grantRecorded.plusMillis(1) + "&to=" + t[4])
                .body()).isEmpty();
        assertThat(get("/api/v1/events/export?business=7503").body()).as("a business without events").isEmpty();
    }

    @Test
    void exportWithoutBusinessIsTheWholeLedgerInGlobalOrder() throws Exception {
        scenarioFor("7504");
        List<JsonNode> lines = parse(get("/api/v1/events/export").body());
        List<Long> positions = lines.stream().map(l -> l.get("position").asLong()).toList();
        long last = positions.get(positions.size() - 1);
        assertThat(positions).containsExactlyElementsOf(jdbc.queryForList(
                "select global_index from domain_event_entry where global_index <= ? order by global_index",
                Long.class, last));
        assertThat(lines.stream().map(l -> l.get("stream").asText())).contains("settings:7504", "7504:491750000001");
    }

    @Test
    void badParametersAreProblems() throws Exception {
        assertProblem(get("/api/v1/events/export?business=75x1"), 400, "INVALID_IDENTIFIER");
        assertProblem(get("/api/v1/events/export?from=yesterday"), 400, "INVALID_REQUEST");
        assertProblem(get("/api/v1/events/export?to=2026-11-24"), 400, "INVALID_REQUEST");
    }

    /**
     * Settings, two pairs, a settings change between, each command at its own simulated instant; t[i] is a
     * real-time mark taken just before command i (recordedAt is real time), t[7] one after the last.
     */
    private Instant[] scenario() throws Exception {
        Instant[] t = scenarioFor(BUSINESS);
        // a business whose number starts with this one's must not leak into its export
        advance("PT1M");
        expect(200, "PUT", "/api/v1/businesses/" + BUSINESS + "0/settings", "{\"callbackPermission\":\"ENABLED\"}");
        expect(200, "POST", pairRoot(BUSINESS + "0", X) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        return t;
    }

    private Instant[] scenarioFor(String business) throws Exception {
        Instant[] t = new Instant[8];
        String x = pairRoot(business, X);
        String y = pairRoot(business, Y);
        advance("PT1M");
        t[0] = wallMark();
        expect(200, "PUT", "/api/v1/businesses/" + business + "/settings", "{\"policy\":\"whatsapp-v1\"}");
        advance("PT1M");
        t[1] = wallMark();
        expect(201, "POST", x + "/permission-requests", "{\"requestId\":\"wamid.e1\",\"channel\":\"TEMPLATE\"}");
        advance("PT1M");
        t[2] = wallMark();
        expect(200, "POST", x + "/permission-requests/wamid.e1/delivered", "{}");
        advance("PT1M");
        t[3] = wallMark();
        expect(200, "POST", y + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        advance("PT1M");
        t[4] = wallMark();
        expect(201, "POST", y + "/calls", "{\"callId\":\"wacid.e1\"}");
        advance("PT1M");
        t[5] = wallMark();
        expect(200, "PUT", "/api/v1/businesses/" + business + "/settings", "{\"policy\":\"whatsapp-v2\"}");
        advance("PT1M");
        t[6] = wallMark();
        expect(200, "POST", y + "/calls/wacid.e1/outcome", "{\"outcome\":\"FAILED\"}");
        t[7] = wallMark();
        return t;
    }

    private List<JsonNode> parse(String ndjson) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        if (ndjson.isEmpty()) {
            return lines;
        }
        assertThat(ndjson).endsWith("\n");
        for (String line : ndjson.substring(0, ndjson.length() - 1).split("\n", -1)) {
            assertThat(line).as("no blank lines").isNotBlank();
            JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        return lines;
    }

    private Map<Long, JsonNode> globalStream() throws Exception {
        Map<Long, JsonNode> all = new HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = getJson("/api/v1/events?after=" + after + "&limit=1000");
            if (page.get("events").isEmpty()) {
                return all;
            }
            page.get("events").forEach(e -> all.put(e.get("position").asLong(), e));
            after = page.get("next").asLong();
        }
    }
}
