package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;

import java.time.Instant;
import java.util.Objects;

/**
 * The user answered a permission request, tracked by the ledger or not. {@code occurredAt} (null: now) is
 * when the user answered; {@code platformExpiresAt} (null: not reported) is the platform's own
 * {@code expiration_timestamp}, only ever compared with the ledger's expiry, never used as it.
 */
public record RecordReply(PairId pairId, String requestId, ReplyResponse response, boolean permanent,
                          Instant occurredAt, Instant platformExpiresAt) implements PairCommand {
    public RecordReply {
        Objects.requireNonNull(pairId);
        MessageIds.require("requestId", requestId);
        Objects.requireNonNull(response, "response");
    }

    public RecordReply(PairId pairId, String requestId, ReplyResponse response, boolean permanent) {
        this(pairId, requestId, response, permanent, null, null);
    }
}
