package com.callpermissionledger.webhook;

import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.PairId;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Records changes that could not become facts in the business number's {@code webhooks:} stream. */
@Component
class BadChanges {

    static final String UNKNOWN = "unknown";
    /** Enough of a change for an auditor to recognise it; a whole 1 MB batch is not copied into the history. */
    static final int MAX_CHARS = 4096;

    private final PairLedger ledger;

    BadChanges(PairLedger ledger) {
        this.ledger = ledger;
    }

    void record(String business, String field, String reason, JsonNode change, Tally tally) {
        String text = change == null ? "null" : change.toString();
        String stored = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
        String stream = WebhookChangeLog.idOf(business);
        ledger.send(stream, new RecordBadChange(stream, business, field,
                reason == null ? "unreadable" : reason, stored, digest(field + "\n" + text)));
        tally.rejected++;
    }

    static String businessOf(JsonNode value) {
        if (value == null) {
            return UNKNOWN;
        }
        String id = value.path("metadata").path("phone_number_id").asText(null);
        if (id == null) {
            id = value.path("phone_number_settings").path("phone_number_id").asText(null);
        }
        return id != null && PairId.BUSINESS.matcher(id).matches() ? id : UNKNOWN;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
