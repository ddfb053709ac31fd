package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Optional;

/**
 * R-TEMPORARY-168H: a temporary permission is valid for exactly 7 x 86,400 s from the approval instant,
 * and R-PERMANENT: a permanent permission exists only under a policy that has them; elsewhere a
 * permanent grant is held as a temporary one, so the ledger never allows more than its policy.
 */
public final class TemporaryValidity {

    private TemporaryValidity() {
    }

    public static PermissionKind kindFor(boolean permanentAsked, Policy policy) {
        return permanentAsked && policy.permanentPermissions() ? PermissionKind.PERMANENT : PermissionKind.TEMPORARY;
    }

    public static Instant expiresAt(PermissionKind kind, Policy policy, Instant grantedAt) {
        return kind == PermissionKind.PERMANENT ? null : grantedAt.plus(policy.temporaryValidity());
    }

    /** The expiry event due at {@code now}, dated at the instant it fell due. */
    public static Optional<PermissionExpired> due(PairId pair, PairState state, Instant now) {
        var permission = state.permission();
        if (permission == null || permission.validAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new PermissionExpired(pair, permission.expiresAt(), permission.grantedAt(),
                RuleId.TEMPORARY_VALIDITY.id()));
    }
}
