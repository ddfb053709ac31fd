package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.Optional;

/** R-REQUEST-RESET: any connected call, business- or user-initiated, resets both request windows. */
public final class RequestReset {

    private RequestReset() {
    }

    public static Optional<RequestLimitsReset> afterConnectedCall(PairId pair, PairState state, String callId,
                                                                  Instant now) {
        if (state.countedRequests().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RequestLimitsReset(pair, now, callId, RuleId.REQUEST_RESET.id()));
    }
}
