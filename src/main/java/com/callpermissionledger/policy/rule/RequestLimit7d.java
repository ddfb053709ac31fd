package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.Optional;

/** R-REQUEST-7D: at most {@code requestCapLong} requests in the rolling long window since the last reset. */
public final class RequestLimit7d {

    private RequestLimit7d() {
    }

    public static WindowUsage usage(PairState state, Policy policy, Instant now) {
        return WindowUsage.of(state.countedRequests(), policy.requestCapLong(), policy.requestWindowLong(), now);
    }

    public static Optional<Refusal> check(PairState state, Policy policy, Instant now) {
        WindowUsage usage = usage(state, policy, now);
        if (!usage.full()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RefusalCode.REQUEST_LIMIT_7D, RuleId.REQUEST_7D,
                "Rule R-REQUEST-7D: " + usage.used() + " of " + usage.max()
                        + " permission requests allowed per rolling 7 days were already sent to this user. "
                        + "Send the next one at retryAt, or sooner if a call connects (a connected call resets the limits).",
                usage.limitExpiresAt(), usage.counted()));
    }
}
