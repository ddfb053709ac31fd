package com.callpermissionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.axonframework.common.DateTimeUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The history as stored, read from the event table itself (always from sequence 0, never from a
 * snapshot), and the verification of its hash chains.
 */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditTrail(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<HistoryEntry> history(String stream) {
        return jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", (rs, n) -> entry(StoredEvent.read(rs)), stream);
    }

    /** Events after {@code position} in global order; {@code from} starts at a recording instant instead. */
    public List<HistoryEntry> stream(long after, Instant from, int limit) {
        if (from != null) {
            return jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where time_stamp >= ?"
                    + " and global_index > ? order by global_index limit ?", (rs, n) -> entry(StoredEvent.read(rs)),
                    DateTimeUtils.formatInstant(from), after, limit);
        }
        return jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index > ?"
                + " order by global_index limit ?", (rs, n) -> entry(StoredEvent.read(rs)), after, limit);
    }

    public ChainVerdict verify(String stream) {
        ChainCheck check = new ChainCheck(json);
        jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", rs -> {
            check.accept(StoredEvent.read(rs));
        }, stream);
        return check.verdict();
    }

    /** Every stream of the ledger, in one pass in constant memory. */
    public ChainVerdict verifyAll() {
        ChainCheck check = new ChainCheck(json);
        jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry"
                + " order by aggregate_identifier, sequence_number", rs -> {
            check.accept(StoredEvent.read(rs));
        });
        return check.verdict();
    }

    HistoryEntry entry(StoredEvent e) {
        JsonNode payload = parse(e.payload());
        return new HistoryEntry(e.position(), e.stream(), e.sequence(), e.simpleType(), text(payload, "occurredAt"),
                e.recordedAt(), text(payload, "policy"), text(payload, "rule"), payload, parse(e.metadata()));
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.getNodeFactory().textNode("unreadable: the stored bytes are not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
