package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.util.Objects;

/** May the business send this permission request now? If so, it is counted. */
public record SendPermissionRequest(PairId pairId, String requestId, Channel channel) implements PairCommand {
    public SendPermissionRequest {
        Objects.requireNonNull(pairId);
        MessageIds.require("requestId", requestId);
        Objects.requireNonNull(channel, "channel");
    }
}
