package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/**
 * How a business-initiated call ended. {@code occurredAt} (null: now) is the instant the call connected
 * for {@code CONNECTED}, else the instant it ended. {@code fromPlatform} is true when the platform itself
 * reported the call (a webhook): a call the ledger did not place is then learned, as a request is
 * learned from its delivery, instead of being an unknown call.
 */
public record RecordCallOutcome(PairId pairId, String callId, CallOutcome outcome, Instant occurredAt,
                                boolean fromPlatform) implements PairCommand {
    public RecordCallOutcome {
        Objects.requireNonNull(pairId);
        MessageIds.require("callId", callId);
        Objects.requireNonNull(outcome, "outcome");
    }

    public RecordCallOutcome(PairId pairId, String callId, CallOutcome outcome) {
        this(pairId, callId, outcome, null, false);
    }
}
