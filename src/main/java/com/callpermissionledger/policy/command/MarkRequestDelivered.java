package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/**
 * The platform reported the request delivered (or read), which starts its no-response clock.
 * {@code occurredAt}, when given, is the platform's instant of the delivery; null means "now".
 */
public record MarkRequestDelivered(PairId pairId, String requestId, Instant occurredAt) implements PairCommand {
    public MarkRequestDelivered {
        Objects.requireNonNull(pairId);
        MessageIds.require("requestId", requestId);
    }

    public MarkRequestDelivered(PairId pairId, String requestId) {
        this(pairId, requestId, null);
    }
}
