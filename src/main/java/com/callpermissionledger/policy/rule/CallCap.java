package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.state.CallRecord;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.Optional;

/**
 * R-CALL-CAP: at most {@code callCap} connected business-initiated calls per rolling window. A call
 * counts from the instant it was placed, and a call still in flight counts until its outcome says it
 * did not connect, so the cap cannot be exceeded by calls that connect later.
 */
public final class CallCap {

    private CallCap() {
    }

    public static WindowUsage usage(PairState state, Policy policy, Instant now) {
        var placed = state.calls().values().stream()
                .filter(CallRecord::countsTowardCap).map(CallRecord::placedAt).toList();
        return WindowUsage.of(placed, policy.callCap(), policy.callWindow(), now);
    }

    public static Optional<Refusal> check(PairState state, Policy policy, Instant now) {
        WindowUsage usage = usage(state, policy, now);
        if (!usage.full()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RefusalCode.CALL_LIMIT_24H, RuleId.CALL_CAP,
                "Rule R-CALL-CAP: " + usage.used() + " of " + usage.max()
                        + " connected or in-flight calls allowed per rolling 24 h were already placed to this user. "
                        + "Call again at retryAt.",
                usage.limitExpiresAt(), usage.counted()));
    }
}
