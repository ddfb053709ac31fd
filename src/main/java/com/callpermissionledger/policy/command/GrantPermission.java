package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** The user granted call permission from the business profile. */
public record GrantPermission(PairId pairId, boolean permanent) implements PairCommand {
    public GrantPermission {
        Objects.requireNonNull(pairId);
    }
}
