package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/**
 * A request the platform reported failed, never delivered nor answered, no longer counts toward the request
 * windows (R-REQUEST-FAILED). {@code countedAt} is the instant it had been counted from (when it was sent).
 */
@EventRevision("1")
public record RequestSlotFreed(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        Instant countedAt,
        String rule) implements PairEvent {
}
