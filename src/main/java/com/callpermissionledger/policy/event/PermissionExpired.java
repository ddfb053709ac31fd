package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** A temporary permission reached its expiry; {@code occurredAt} is the expiry instant. */
@EventRevision("1")
public record PermissionExpired(
        PairId pairId,
        Instant occurredAt,
        Instant grantedAt,
        String rule) implements PairEvent {
}
