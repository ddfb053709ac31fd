package com.callpermissionledger.policy.state;

import com.callpermissionledger.policy.CallOutcome;

import java.time.Instant;

/** A business-initiated call the rules allowed; {@code outcome} is null while the call is in flight. */
public record CallRecord(String callId, Instant placedAt, CallOutcome outcome, Instant outcomeAt) {

    /** In flight or connected: such a call occupies a place under the call cap (R-CALL-CAP). */
    public boolean countsTowardCap() {
        return outcome == null || outcome == CallOutcome.CONNECTED;
    }
}
