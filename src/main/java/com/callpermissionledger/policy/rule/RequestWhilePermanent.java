package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * R-REQUEST-WHILE-PERMANENT: no request while a permanent permission is held, under any policy. A business
 * moved to a policy without permanent permissions still holds the one it was given, and the platform refuses
 * a request then with 138017.
 */
public final class RequestWhilePermanent {

    private RequestWhilePermanent() {
    }

    public static Optional<Refusal> check(PairState state, Instant now) {
        if (!state.holdsPermanentPermission(now)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RefusalCode.PERMANENT_PERMISSION_EXISTS, RuleId.REQUEST_WHILE_PERMANENT,
                "Rule R-REQUEST-WHILE-PERMANENT: this user has already given permanent call permission "
                        + "(granted " + state.permission().grantedAt() + "); call instead of asking again.",
                null, List.of(state.permission().grantedAt())));
    }
}
