package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/** The user granted call permission from the business profile; {@code occurredAt} (null: now) is when. */
public record GrantPermission(PairId pairId, boolean permanent, Instant occurredAt) implements PairCommand {
    public GrantPermission {
        Objects.requireNonNull(pairId);
    }

    public GrantPermission(PairId pairId, boolean permanent) {
        this(pairId, permanent, null);
    }
}
