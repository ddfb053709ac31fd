package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The platform delivered a request. {@code learned} is true when the ledger first hears of the request here (it was sent elsewhere) and counts it from now. */
@EventRevision("1")
public record PermissionRequestDelivered(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        Instant expiresAt,
        boolean learned) implements PairEvent {
}
