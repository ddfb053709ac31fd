package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The platform could not deliver a permission request; it can no longer be answered. {@code learned}: sent outside the ledger. */
@EventRevision("1")
public record PermissionRequestFailed(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        boolean learned) implements PairEvent {
}
