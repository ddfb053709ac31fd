package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The rules allowed a business-initiated call; it is in flight and counts toward the cap. */
@EventRevision("1")
public record CallPlaced(
        PairId pairId,
        Instant occurredAt,
        String callId,
        String policy) implements PairEvent {
}
