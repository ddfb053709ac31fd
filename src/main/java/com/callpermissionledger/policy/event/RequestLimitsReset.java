package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** A connected call reset both request windows. */
@EventRevision("1")
public record RequestLimitsReset(
        PairId pairId,
        Instant occurredAt,
        String callId,
        String rule) implements PairEvent {
}
