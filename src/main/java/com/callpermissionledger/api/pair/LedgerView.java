package com.callpermissionledger.api.pair;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.Refusal;

import java.time.Instant;

/** What the ledger knows of a pair beyond the platform's own answer. */
public record LedgerView(LedgerState state, GrantSource grantSource, PermissionKind permissionKind,
                         Instant grantedAt, Instant expiresAt, int consecutiveUnanswered, boolean warning,
                         String policy, Blocked requestBlockedBy, Blocked callBlockedBy) {

    /** The refusal a command sent now would get. */
    public record Blocked(String code, String rule, Instant retryAt, String detail) {
        static Blocked of(Refusal r) {
            return new Blocked(r.code().name(), r.rule().id(), r.retryAt(), r.detail());
        }
    }

    static LedgerView of(PairStatus s) {
        var p = s.permission();
        return new LedgerView(s.state(), s.grantSource(), p == null ? null : p.kind(),
                p == null ? null : p.grantedAt(), p == null ? null : p.expiresAt(), s.consecutiveUnanswered(),
                s.warning(), s.policy(), s.requestBlockedBy().map(Blocked::of).orElse(null),
                s.callBlockedBy().map(Blocked::of).orElse(null));
    }
}
