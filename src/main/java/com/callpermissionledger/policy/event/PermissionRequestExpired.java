package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** A request can no longer be answered; {@code occurredAt} is when it fell due. */
@EventRevision("1")
public record PermissionRequestExpired(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        RequestExpiryReason reason,
        String rule) implements PairEvent {
}
