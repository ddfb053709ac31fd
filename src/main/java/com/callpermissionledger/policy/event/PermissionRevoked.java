package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The permission ended before its expiry. */
@EventRevision("1")
public record PermissionRevoked(
        PairId pairId,
        Instant occurredAt,
        RevocationSource source,
        String policy,
        String rule) implements PairEvent {
}
