package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.UserCallOutcome;

import java.time.Instant;
import java.util.Objects;

/** The user called the business; {@code occurredAt} (null: now) is when it connected, or when it ended unanswered. */
public record RecordUserCall(PairId pairId, String callId, UserCallOutcome outcome, Instant occurredAt)
        implements PairCommand {
    public RecordUserCall {
        Objects.requireNonNull(pairId);
        MessageIds.require("callId", callId);
        Objects.requireNonNull(outcome, "outcome");
    }

    public RecordUserCall(PairId pairId, String callId, UserCallOutcome outcome) {
        this(pairId, callId, outcome, null);
    }
}
