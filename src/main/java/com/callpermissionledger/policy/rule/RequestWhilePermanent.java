package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** R-REQUEST-WHILE-PERMANENT: under a policy with permanent permissions, no request while one is held. */
public final class RequestWhilePermanent {

    private RequestWhilePermanent() {
    }

    public static Optional<Refusal> check(PairState state, Policy policy, Instant now) {
        if (!policy.permanentPermissions() || !state.holdsPermanentPermission(now)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RefusalCode.PERMANENT_PERMISSION_EXISTS, RuleId.REQUEST_WHILE_PERMANENT,
                "Rule R-REQUEST-WHILE-PERMANENT: this user has already given permanent call permission "
                        + "(granted " + state.permission().grantedAt() + "); call instead of asking again.",
                null, List.of(state.permission().grantedAt())));
    }
}
