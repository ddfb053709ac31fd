package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** The user revoked call permission from the business profile. */
public record RevokePermission(PairId pairId) implements PairCommand {
    public RevokePermission {
        Objects.requireNonNull(pairId);
    }
}
