package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** Consecutive unanswered or rejected calls reached the warning threshold. */
@EventRevision("1")
public record UnansweredCallsWarningRaised(
        PairId pairId,
        Instant occurredAt,
        int consecutiveMisses,
        String policy,
        String rule) implements PairEvent {
}
