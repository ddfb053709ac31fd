package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** May the business place this call now? If so, it is in flight and counts toward the cap. */
public record PlaceCall(PairId pairId, String callId) implements PairCommand {
    public PlaceCall {
        Objects.requireNonNull(pairId);
        MessageIds.require("callId", callId);
    }
}
