package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** Record whatever expiries are due at the decision instant; sent by the expiry sweeper. */
public record ExpireDue(PairId pairId) implements PairCommand {
    public ExpireDue {
        Objects.requireNonNull(pairId);
    }
}
