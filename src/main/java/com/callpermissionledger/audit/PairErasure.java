package com.callpermissionledger.audit;

import com.callpermissionledger.policy.PairId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Erases a user from one pair: its stored events move to a stream named by a random pseudonym
 * ({@code ER.<16 hex>}), with the user id replaced in every payload and the hash chain recomputed, and its
 * projection rows and expiry schedule move with them (they hold no user id beyond their keys). Nothing links the pseudonym back to the user. The erasure itself is recorded
 * in {@code erasure_log}, so an auditor sees that, when and by whom a history was rewritten. The decisions,
 * instants, rules and policies stay, so the business's compliance remains provable.
 */
@Service
public class PairErasure {

    public record Result(long events, Instant erasedAt) {
    }

    /** Rows keyed by the pair, and whether they also hold the user id in a column of their own. */
    private static final Map<String, Boolean> PAIR_ROWS = Map.of("dashboard_pair", true, "dashboard_request", true,
            "dashboard_call", true, "dashboard_refused_request", false, "due_expiry", false);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PairErasure(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Empty when the ledger holds no history for the pair. */
    @Transactional
    public Optional<Result> erase(PairId pair, String erasedBy) {
        List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry"
                + " where aggregate_identifier = ? order by sequence_number", (rs, n) -> StoredEvent.read(rs), pair.value());
        if (events.isEmpty()) {
            return Optional.empty();
        }
        byte[] secret = new byte[8];
        random.nextBytes(secret);
        PairId pseudonym = new PairId(pair.business(), "ER." + HexFormat.of().formatHex(secret));
        String previous = ChainHash.GENESIS;
        for (StoredEvent e : events) {
            byte[] payload = rewritePayload(e.payload(), pseudonym.user());
            ObjectNode meta = (ObjectNode) read(e.metadata());
            String hash = ChainHash.of(previous, pseudonym.value(), e.sequence(), e.payloadType(), e.payloadRevision(),
                    payload, meta.path("client").asText(null), meta.path("correlationId").asText(null), e.recordedAt());
            meta.put(ChainHash.PREVIOUS_HASH, previous).put(ChainHash.HASH, hash);
            jdbc.update("update domain_event_entry set aggregate_identifier = ?, payload = ?, meta_data = ?"
                    + " where global_index = ?", pseudonym.value(), payload, write(meta), e.position());
            previous = hash;
        }
        jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", pair.value());
        // the phone number and user id the platform named this user by (docs/webhooks.md) go with the history
        jdbc.update("delete from webhook_user_link where business = ? and pair_user = ?", pair.business(), pair.user());
        jdbc.update("delete from webhook_pending_status where business = ? and pair_user = ?", pair.business(),
                pair.user());
        // the rows move with the history, so the projections stay what a rebuild would give
        PAIR_ROWS.forEach((table, hasUser) -> {
            if (hasUser) {
                jdbc.update("update " + table + " set pair_id = ?, user_id = ? where pair_id = ?",
                        pseudonym.value(), pseudonym.user(), pair.value());
            } else {
                jdbc.update("update " + table + " set pair_id = ? where pair_id = ?", pseudonym.value(), pair.value());
            }
        });
        Instant now = clock.instant();
        jdbc.update("insert into erasure_log (stream, erased_at, events, erased_by) values (?, ?, ?, ?)",
                pseudonym.value(), now.atOffset(ZoneOffset.UTC), events.size(), erasedBy);
        return Optional.of(new Result(events.size(), now));
    }

    private byte[] rewritePayload(byte[] stored, String pseudonymousUser) {
        JsonNode payload = read(stored);
        if (payload.get("pairId") instanceof ObjectNode pairId) {
            pairId.put("user", pseudonymousUser);
        }
        return write(payload);
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not readable JSON; verify the chain first", e);
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
