package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** The platform reported the request delivered, which starts its no-response clock. */
public record MarkRequestDelivered(PairId pairId, String requestId) implements PairCommand {
    public MarkRequestDelivered {
        Objects.requireNonNull(pairId);
        MessageIds.require("requestId", requestId);
    }
}
