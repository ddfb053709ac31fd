package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The pair holds a permission from now; {@code expiresAt} is null for a permanent one. {@code reference} is the request or user call it came from. */
@EventRevision("1")
public record PermissionGranted(
        PairId pairId,
        Instant occurredAt,
        GrantSource source,
        PermissionKind kind,
        Instant expiresAt,
        String reference,
        String policy,
        String rule) implements PairEvent {
}
