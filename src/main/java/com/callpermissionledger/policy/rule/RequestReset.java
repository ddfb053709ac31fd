package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.Optional;

/**
 * R-REQUEST-RESET: any connected call, business- or user-initiated, resets both request windows at the
 * instant it connected ({@code now} is that instant, which for a late report lies in the past).
 */
public final class RequestReset {

    private RequestReset() {
    }

    public static Optional<RequestLimitsReset> afterConnectedCall(PairId pair, PairState state, String callId,
                                                                  Instant now) {
        if (state.countedRequests().stream().allMatch(t -> t.isAfter(now))) {
            return Optional.empty();
        }
        return Optional.of(new RequestLimitsReset(pair, now, callId, RuleId.REQUEST_RESET.id()));
    }
}
