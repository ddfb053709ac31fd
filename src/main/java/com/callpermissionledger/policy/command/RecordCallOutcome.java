package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** How a call the ledger allowed ended. */
public record RecordCallOutcome(PairId pairId, String callId, CallOutcome outcome) implements PairCommand {
    public RecordCallOutcome {
        Objects.requireNonNull(pairId);
        MessageIds.require("callId", callId);
        Objects.requireNonNull(outcome, "outcome");
    }
}
