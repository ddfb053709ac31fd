package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.rule.TemporaryValidity;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.List;

/** Decisions about grants and revocations the user makes from the business profile. */
final class PermissionDecisions {

    private PermissionDecisions() {
    }

    /** R-PROFILE-GRANT: every grant is recorded, except one identical to a permanent grant already in force. */
    static Decision grant(PairState s, GrantPermission c, Policy policy, Instant now) {
        PermissionKind kind = TemporaryValidity.kindFor(c.permanent(), policy);
        boolean sameInForce = s.permissionAt(now)
                .filter(p -> p.isPermanent() && kind == PermissionKind.PERMANENT
                        && p.source() == GrantSource.BUSINESS_PROFILE)
                .isPresent();
        Instant expiresAt = TemporaryValidity.expiresAt(kind, policy, now);
        if (sameInForce || sameFactAgain(s, c, now) || FactTime.outlasted(s, now, expiresAt)) {
            return new Decision.Unchanged();
        }
        return new Decision.Recorded(List.of(new PermissionGranted(c.pairId(), now, GrantSource.BUSINESS_PROFILE,
                kind, expiresAt, null, policy.name(), RuleId.PROFILE_GRANT.id())));
    }

    /** A dated profile grant is one fact: the same grant at the same instant, reported again, is a duplicate. */
    private static boolean sameFactAgain(PairState s, GrantPermission c, Instant at) {
        return c.occurredAt() != null && s.permission() != null
                && s.permission().source() == GrantSource.BUSINESS_PROFILE && s.permission().grantedAt().equals(at);
    }

    /** R-PROFILE-REVOKE: revoking when nothing is held changes nothing. */
    static Decision revoke(PairState s, RevokePermission c, Policy policy, Instant now) {
        if (FactTime.heldAt(s, now).isEmpty()) {
            return new Decision.Unchanged();
        }
        return new Decision.Recorded(List.of(new PermissionRevoked(c.pairId(), now, RevocationSource.BUSINESS_PROFILE,
                policy.name(), RuleId.PROFILE_REVOKE.id())));
    }
}
