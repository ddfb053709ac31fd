package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/**
 * The platform granted a temporary permission because the user called with callback enabled (a reply with
 * a {@code wacid.} context). Not a permission request: it never counts toward the request limits.
 */
public record RecordCallbackGrant(PairId pairId, String callId, Instant occurredAt, Instant platformExpiresAt)
        implements PairCommand {
    public RecordCallbackGrant {
        Objects.requireNonNull(pairId);
        MessageIds.require("callId", callId);
    }
}
