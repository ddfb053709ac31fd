package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;

import java.util.Objects;

/** The user answered a permission request, tracked by the ledger or not. */
public record RecordReply(PairId pairId, String requestId, ReplyResponse response, boolean permanent)
        implements PairCommand {
    public RecordReply {
        Objects.requireNonNull(pairId);
        MessageIds.require("requestId", requestId);
        Objects.requireNonNull(response, "response");
    }
}
