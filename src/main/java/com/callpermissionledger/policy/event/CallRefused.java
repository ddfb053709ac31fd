package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.List;

/** The rules refused a business-initiated call; {@code evidence} holds the placement instants of the calls that filled the cap. */
@EventRevision("1")
public record CallRefused(
        PairId pairId,
        Instant occurredAt,
        String callId,
        RefusalCode code,
        String rule,
        Instant retryAt,
        List<Instant> evidence,
        String policy) implements PairEvent {

    public CallRefused {
        evidence = List.copyOf(evidence);
    }
}
