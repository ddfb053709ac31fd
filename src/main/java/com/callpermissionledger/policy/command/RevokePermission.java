package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/** The user revoked call permission from the business profile; {@code occurredAt} (null: now) is when. */
public record RevokePermission(PairId pairId, Instant occurredAt) implements PairCommand {
    public RevokePermission {
        Objects.requireNonNull(pairId);
    }

    public RevokePermission(PairId pairId) {
        this(pairId, null);
    }
}
