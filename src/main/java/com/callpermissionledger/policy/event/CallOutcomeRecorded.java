package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** A call the ledger allowed ended; {@code consecutiveMisses} is the run of unanswered or rejected calls after it. */
@EventRevision("1")
public record CallOutcomeRecorded(
        PairId pairId,
        Instant occurredAt,
        String callId,
        CallOutcome outcome,
        int consecutiveMisses) implements PairEvent {
}
