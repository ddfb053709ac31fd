package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.List;

/** The rules refused a permission request; {@code evidence} holds the instants of the counted requests that filled the window. */
@EventRevision("1")
public record PermissionRequestRefused(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        Channel channel,
        RefusalCode code,
        String rule,
        Instant retryAt,
        List<Instant> evidence,
        String policy) implements PairEvent {

    public PermissionRequestRefused {
        evidence = List.copyOf(evidence);
    }
}
