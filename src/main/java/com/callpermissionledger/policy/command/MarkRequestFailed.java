package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/** The platform reported that a permission request message failed; it can no longer be answered. */
public record MarkRequestFailed(PairId pairId, String requestId, Instant occurredAt) implements PairCommand {
    public MarkRequestFailed {
        Objects.requireNonNull(pairId);
        MessageIds.require("requestId", requestId);
    }
}
