package com.callpermissionledger.api.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.state.CallRecord;

import java.time.Instant;

/** One business-initiated call the ledger allowed, and the pair's ledger summary. */
public record CallView(String callId, Instant placedAt, CallOutcome outcome, Instant outcomeAt, LedgerView ledger) {

    static CallView of(CallRecord c, LedgerView ledger) {
        return new CallView(c.callId(), c.placedAt(), c.outcome(), c.outcomeAt(), ledger);
    }
}
