package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The user answered a request. {@code learned} is true when the ledger first hears of the request here; {@code expiresAt} is when the request stops being answerable. */
@EventRevision("1")
public record PermissionReplyRecorded(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        ReplyResponse response,
        boolean permanent,
        Instant expiresAt,
        boolean learned) implements PairEvent {
}
