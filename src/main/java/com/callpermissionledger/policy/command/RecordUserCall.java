package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.UserCallOutcome;

import java.util.Objects;

/** The user called the business. */
public record RecordUserCall(PairId pairId, String callId, UserCallOutcome outcome) implements PairCommand {
    public RecordUserCall {
        Objects.requireNonNull(pairId);
        MessageIds.require("callId", callId);
        Objects.requireNonNull(outcome, "outcome");
    }
}
