package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** The rules allowed a permission request; it counts toward both request windows. {@code expiresAt} is the no-response expiry until a delivery moves it. */
@EventRevision("1")
public record PermissionRequested(
        PairId pairId,
        Instant occurredAt,
        String requestId,
        Channel channel,
        Instant expiresAt,
        String policy) implements PairEvent {
}
