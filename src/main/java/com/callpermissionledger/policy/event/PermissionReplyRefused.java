package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** A reply arrived for a request that had already expired; it grants nothing. */
@EventRevision("1")
public record PermissionReplyRefused(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        ReplyResponse response,
        boolean permanent,
        Instant expiredAt,
        String rule) implements PairEvent {
}
