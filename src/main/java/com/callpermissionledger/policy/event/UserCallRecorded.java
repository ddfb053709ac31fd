package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The user called the business; {@code consecutiveMisses} is the run of misses after it. */
@EventRevision("1")
public record UserCallRecorded(
        PairId pairId,
        Instant occurredAt,
        String callId,
        UserCallOutcome outcome,
        int consecutiveMisses) implements PairEvent {
}
