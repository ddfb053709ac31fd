package com.callpermissionledger.policy;

import com.callpermissionledger.policy.rule.CallCap;
import com.callpermissionledger.policy.rule.PermissionRequired;
import com.callpermissionledger.policy.rule.RequestLimit24h;
import com.callpermissionledger.policy.rule.RequestLimit7d;
import com.callpermissionledger.policy.rule.RequestWhilePermanent;
import com.callpermissionledger.policy.rule.WindowUsage;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;

import java.time.Instant;
import java.util.Optional;

/**
 * What the ledger answers to "may I ask, may I call?" at an instant, computed by the same checks the
 * decider uses. {@code requestBlockedBy} and {@code callBlockedBy} name the refusal a command sent now would get.
 */
public record PairStatus(
        PermissionGrant permission,
        WindowUsage requests24h,
        WindowUsage requests7d,
        Optional<Refusal> requestBlockedBy,
        WindowUsage calls24h,
        Optional<Refusal> callBlockedBy,
        LedgerState state,
        GrantSource grantSource,
        int consecutiveUnanswered,
        boolean warning,
        String policy,
        Instant at) {

    public static PairStatus of(PairId pair, PairState recorded, BusinessTerms terms, Instant now) {
        PairState s = PairDecider.stateAt(pair, recorded, now);
        Policy policy = terms.policy();
        WindowUsage day = RequestLimit24h.usage(s, policy, now);
        WindowUsage week = RequestLimit7d.usage(s, policy, now);
        Optional<Refusal> requestRefusal = RequestWhilePermanent.check(s, now)
                .or(() -> RequestDecisions.windowRefusal(s, policy, now));
        Optional<Refusal> callRefusal = PermissionRequired.check(s, now).or(() -> CallCap.check(s, policy, now));
        PermissionGrant held = s.permissionAt(now).orElse(null);
        return new PairStatus(held, day, week, requestRefusal, CallCap.usage(s, policy, now), callRefusal,
                s.ledgerStateAt(now), held == null ? null : held.source(), s.consecutiveMisses(), s.warning(),
                policy.name(), now);
    }

    public boolean canRequest() {
        return requestBlockedBy.isEmpty();
    }

    public boolean canCall() {
        return callBlockedBy.isEmpty();
    }
}
