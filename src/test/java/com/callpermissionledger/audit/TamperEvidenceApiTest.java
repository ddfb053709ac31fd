package com.callpermissionledger.audit;

import com.callpermissionledger.http.Keys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chains: valid on an untouched ledger, and any edit made directly in the database (a payload, a
 * deleted event, a stored hash, the origin metadata) is found at the first event it affects. Each test puts the
 * stored row back afterwards, so the shared ledger verifies again for the other tests.
 */
class TamperEvidenceApiTest extends AuditApiTestSupport {

    private static final String BUSINESS = "7601";

    /** Eight events: a request, a grant, two calls with outcomes (the second connected, with its reset), a revoke. */
    private String scenario(String user) throws Exception {
        String root = pairRoot(BUSINESS, user);
        advance("PT1M");
        expect(201, "POST", root + "/permission-requests", "{\"requestId\":\"wamid." + user + "\",\"channel\":\"TEMPLATE\"}",
                Map.of("X-Api-Key", Keys.UPSTREAM, "X-Correlation-Id", "corr-" + user));
        advance("PT1M");
        expect(200, "POST", root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        for (String outcome : List.of("UNANSWERED", "CONNECTED")) {
            String call = "wacid." + user + "." + outcome.toLowerCase();
            advance("PT1M");
            expect(201, "POST", root + "/calls", "{\"callId\":\"" + call + "\"}");
            advance("PT1M");
            expect(200, "POST", root + "/calls/" + call + "/outcome", "{\"outcome\":\"" + outcome + "\"}");
        }
        advance("PT1M");
        expect(200, "POST", root + "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}");
        String stream = BUSINESS + ":" + user;
        assertThat(types(history(BUSINESS, user))).containsExactly("PermissionRequested", "PermissionGranted",
                "CallPlaced", "CallOutcomeRecorded", "CallPlaced", "CallOutcomeRecorded", "RequestLimitsReset",
                "PermissionRevoked");
        // the tests below edit stored rows and put them back; the live dashboard must not read an edited one,
        // or it would differ from a rebuild (ProjectionRebuildApiTest shares this database)
        awaitDashboardAtHead();
        return stream;
    }

    @Test
    void untouchedLedgerVerifies() throws Exception {
        String stream = scenario("491760000001");
        JsonNode pair = verify("491760000001");
        assertThat(pair.get("valid").asBoolean()).isTrue();
        assertThat(pair.get("checked").asLong()).isEqualTo(8);
        assertThat(HistoryApiTest.text(pair, "firstBrokenSequence")).isNull();
        assertThat(HistoryApiTest.text(pair, "firstBrokenStream")).isNull();

        JsonNode all = getJson("/api/v1/events/verify");
        assertThat(all.get("valid").asBoolean()).as(all.toString()).isTrue();
        assertThat(all.get("checked").asLong()).isEqualTo(storedCount());
        assertThat(HistoryApiTest.text(all, "firstBrokenSequence")).isNull();
        assertThat(HistoryApiTest.text(all, "firstBrokenStream")).isNull();

        JsonNode none = verify("491760000099");
        assertThat(none.get("valid").asBoolean()).isTrue();
        assertThat(none.get("checked").asLong()).isZero();
        assertThat(storedCount(stream)).isEqualTo(8);
    }

    @Test
    void storedHashesFollowTheDocumentedRecipe() throws Exception {
        String stream = scenario("491760000002");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from domain_event_entry"
                + " where aggregate_identifier = ? order by sequence_number", stream);
        assertThat(rows).hasSize(8);
        String previous = "0".repeat(64);
        for (Map<String, Object> row : rows) {
            JsonNode meta = json.readTree((byte[]) row.get("META_DATA"));
            String expected = sha256(previous, stream, row.get("SEQUENCE_NUMBER").toString(),
                    (String) row.get("PAYLOAD_TYPE"), (String) row.get("PAYLOAD_REVISION"), (byte[]) row.get("PAYLOAD"),
                    meta.get("client").asText(), meta.get("correlationId").asText(), (String) row.get("TIME_STAMP"));
            assertThat(meta.get("previousHash").asText()).isEqualTo(previous);
            assertThat(meta.get("hash").asText()).as("hash of sequence " + row.get("SEQUENCE_NUMBER")).isEqualTo(expected);
            previous = expected;
        }
        assertThat(json.readTree((byte[]) rows.get(0).get("META_DATA")).get("client").asText()).isEqualTo("test-upstream");
    }

    @Test
    void editedPayloadBreaksTheChainAtThatEvent() throws Exception {
        String user = "491760000003";
        String stream = scenario(user);
        String untouched = scenario("491760000004");
        long sequence = 4;
        byte[] original = payload(stream, sequence);
        String text = new String(original, StandardCharsets.UTF_8);
        assertThat(text).contains("\"callId\":\"wacid." + user + ".connected\"");
        byte[] edited = text.replace("wacid." + user + ".connected", "wacid." + user + ".c0nnected")
                .getBytes(StandardCharsets.UTF_8);
        try {
            setPayload(stream, sequence, edited);
            assertBroken(user, stream, sequence, 8);
            JsonNode other = verify("491760000004");
            assertThat(other.get("valid").asBoolean()).as("another pair is untouched").isTrue();
            assertThat(other.get("checked").asLong()).isEqualTo(storedCount(untouched));
        } finally {
            setPayload(stream, sequence, original);
        }
        assertThat(verify(user).get("valid").asBoolean()).as("valid again once restored").isTrue();
    }

    @Test
    void editedInstantInAPayloadIsFound() throws Exception {
        String user = "491760000005";
        String stream = scenario(user);
        long sequence = 5;
        byte[] original = payload(stream, sequence);
        ObjectNode payload = (ObjectNode) json.readTree(original);
        Instant occurred = Instant.parse(payload.get("occurredAt").asText());
        payload.put("occurredAt", occurred.minusSeconds(3600).toString());
        try {
            setPayload(stream, sequence, json.writeValueAsBytes(payload));
            assertBroken(user, stream, sequence, 8);
        } finally {
            setPayload(stream, sequence, original);
        }
        assertThat(verify(user).get("valid").asBoolean()).isTrue();
    }

    @Test
    void deletedEventInTheMiddleIsFoundAtTheNextSequence() throws Exception {
        String user = "491760000006";
        String stream = scenario(user);
        long sequence = 3;
        Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", stream, sequence);
        try {
            assertThat(jdbc.update("delete from domain_event_entry where aggregate_identifier = ?"
                    + " and sequence_number = ?", stream, sequence)).isEqualTo(1);
            assertBroken(user, stream, sequence + 1, 7);
        } finally {
            if (storedCount(stream) == 7) {
                jdbc.update("insert into domain_event_entry (global_index, sequence_number, aggregate_identifier,"
                                + " event_identifier, payload_revision, payload_type, time_stamp, type, meta_data, payload)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row.get("GLOBAL_INDEX"), row.get("SEQUENCE_NUMBER"), row.get("AGGREGATE_IDENTIFIER"),
                        row.get("EVENT_IDENTIFIER"), row.get("PAYLOAD_REVISION"), row.get("PAYLOAD_TYPE"),
                        row.get("TIME_STAMP"), row.get("TYPE"), row.get("META_DATA"), row.get("PAYLOAD"));
            }
        }
        assertThat(verify(user).get("valid").asBoolean()).isTrue();
    }

    @Test
    void editedStoredHashIsFoundAtThatEvent() throws Exception {
        String user = "491760000007";
        String stream = scenario(user);
        long sequence = 6;
        byte[] original = metadata(stream, sequence);
        ObjectNode meta = (ObjectNode) json.readTree(original);
        String hash = meta.get("hash").asText();
        meta.put("hash", hash.substring(0, 63) + (hash.endsWith("0") ? "1" : "0"));
        try {
            setMetadata(stream, sequence, json.writeValueAsBytes(meta));
            assertBroken(user, stream, sequence, 8);
        } finally {
            setMetadata(stream, sequence, original);
        }
        assertThat(verify(user).get("valid").asBoolean()).isTrue();
    }

    @Test
    void editedOriginInMetadataIsFound() throws Exception {
        String user = "491760000008";
        String stream = scenario(user);
        byte[] original = metadata(stream, 0);
        ObjectNode meta = (ObjectNode) json.readTree(original);
        assertThat(meta.get("client").asText()).isEqualTo("test-upstream");
        meta.put("client", "someone-else");
        try {
            setMetadata(stream, 0, json.writeValueAsBytes(meta));
            assertBroken(user, stream, 0, 8);
        } finally {
            setMetadata(stream, 0, original);
        }
        assertThat(verify(user).get("valid").asBoolean()).isTrue();
    }

    private void assertBroken(String user, String stream, long sequence, long checked) throws Exception {
        JsonNode pair = verify(user);
        assertThat(pair.get("valid").asBoolean()).as(pair.toString()).isFalse();
        assertThat(pair.get("checked").asLong()).isEqualTo(checked);
        assertThat(pair.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
        assertThat(pair.get("firstBrokenStream").asText()).isEqualTo(stream);

        JsonNode all = getJson("/api/v1/events/verify");
        assertThat(all.get("valid").asBoolean()).as(all.toString()).isFalse();
        assertThat(all.get("firstBrokenStream").asText()).isEqualTo(stream);
        assertThat(all.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
        assertThat(all.get("checked").asLong()).isEqualTo(storedCount());
    }

    private JsonNode verify(String user) throws Exception {
        return getJson(pairRoot(BUSINESS, user) + "/events/verify");
    }

    private byte[] payload(String stream, long sequence) {
        return jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", byte[].class, stream, sequence);
    }

    private byte[] metadata(String stream, long sequence) {
        return jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", byte[].class, stream, sequence);
    }

    private void setPayload(String stream, long sequence, byte[] payload) {
        assertThat(jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ?"
                + " and sequence_number = ?", payload, stream, sequence)).isEqualTo(1);
    }

    private void setMetadata(String stream, long sequence, byte[] metadata) {
        assertThat(jdbc.update("update domain_event_entry set meta_data = ? where aggregate_identifier = ?"
                + " and sequence_number = ?", metadata, stream, sequence)).isEqualTo(1);
    }

    /** ChainHash's javadoc, written out: SHA-256 over length-prefixed parts ("<length>:<bytes>"). */
    private static String sha256(String previous, String stream, String sequence, String type, String revision,
                                 byte[] payload, String client, String correlationId, String recordedAt)
            throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : List.of(utf8(previous), utf8(stream), utf8(sequence), utf8(type),
                utf8(revision == null ? "" : revision), payload, utf8(client), utf8(correlationId), utf8(recordedAt))) {
            digest.update((part.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
