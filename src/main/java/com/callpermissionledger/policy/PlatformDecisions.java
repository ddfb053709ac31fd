package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordCallbackGrant;
import com.callpermissionledger.policy.command.RecordPlatformRevocation;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.PlatformDivergenceRecorded;
import com.callpermissionledger.policy.rule.TemporaryValidity;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decisions on what only the platform can say: its callback grants, its own revocations, its expiry field, and
 * calls it connected that the ledger's rules would not have allowed.
 */
final class PlatformDecisions {

    private PlatformDecisions() {
    }

    /** R-CALLBACK-GRANT as the platform reports it; the grant from one user call is recorded once. */
    static Decision callbackGrant(PairState s, RecordCallbackGrant c, Policy policy, Instant at) {
        Instant expiresAt = TemporaryValidity.expiresAt(PermissionKind.TEMPORARY, policy, at);
        if (grantedByCall(s, c.callId()) || s.holdsPermanentPermission(at) || FactTime.outlasted(s, at, expiresAt)) {
            return new Decision.Unchanged();
        }
        List<PairEvent> events = new ArrayList<>();
        events.add(new PermissionGranted(c.pairId(), at, GrantSource.CALLBACK, PermissionKind.TEMPORARY, expiresAt,
                c.callId(), policy.name(), RuleId.CALLBACK_GRANT.id()));
        expiryDivergence(c.pairId(), at, c.platformExpiresAt(), expiresAt, c.callId(), policy).ifPresent(events::add);
        return new Decision.Recorded(events);
    }

    /**
     * R-PLATFORM-REVOKE: the platform's automatic revocation is recorded as such, whatever the ledger counted.
     * Where the ledger's own run of misses had not reached the revocation, the difference is recorded too.
     * A pair already shown revoked with nothing held is unchanged, so a redelivery records nothing.
     */
    static Decision revocation(PairState s, RecordPlatformRevocation c, Policy policy, Instant at) {
        boolean held = FactTime.heldAt(s, at).isPresent();
        if (!held && s.lastChange() == LedgerState.REVOKED) {
            return new Decision.Unchanged();
        }
        List<PairEvent> events = new ArrayList<>();
        events.add(new PermissionRevoked(c.pairId(), at, RevocationSource.PLATFORM, policy.name(),
                RuleId.PLATFORM_REVOKE.id()));
        if (!held || s.consecutiveMisses() < policy.revokeAfterMisses()) {
            events.add(new PlatformDivergenceRecorded(c.pairId(), at, DivergenceSubject.AUTOMATIC_REVOCATION,
                    "revoked after unanswered calls",
                    (held ? "permission held" : "no permission held") + "; " + s.consecutiveMisses() + " of "
                            + policy.revokeAfterMisses() + " consecutive unanswered calls counted",
                    null, policy.name(), RuleId.PLATFORM_DIVERGENCE.id()));
        }
        return new Decision.Recorded(events);
    }

    /** R-PLATFORM-DIVERGENCE: the ledger keeps its rule-based expiry and records the platform's other one. */
    static Optional<PlatformDivergenceRecorded> expiryDivergence(PairId pair, Instant at, Instant platformExpiresAt,
                                                                 Instant ledgerExpiresAt, String reference,
                                                                 Policy policy) {
        if (platformExpiresAt == null || platformExpiresAt.equals(ledgerExpiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new PlatformDivergenceRecorded(pair, at, DivergenceSubject.PERMISSION_EXPIRY,
                platformExpiresAt.toString(), ledgerExpiresAt == null ? "never (permanent)" : ledgerExpiresAt.toString(),
                reference, policy.name(), RuleId.PLATFORM_DIVERGENCE.id()));
    }

    /**
     * R-PLATFORM-DIVERGENCE: a business call the ledger did not place connected at an instant the ledger's rules
     * held no permission for (R-PERMISSION-REQUIRED). The call is recorded as the platform reports it; the
     * ledger's permission state is not changed by it.
     */
    static Optional<PlatformDivergenceRecorded> callDivergence(PairState s, RecordCallOutcome c, Policy policy,
                                                               Instant at) {
        if (s.heldAnyAt(at)) {
            return Optional.empty();
        }
        return Optional.of(new PlatformDivergenceRecorded(c.pairId(), at, DivergenceSubject.CALL_WITHOUT_PERMISSION,
                "business-initiated call connected", "no permission held at " + at + " ("
                + RuleId.PERMISSION_REQUIRED.id() + ")", c.callId(), policy.name(), RuleId.PLATFORM_DIVERGENCE.id()));
    }

    /** The permission in force came from this user call already. */
    static boolean grantedByCall(PairState s, String callId) {
        return s.permission() != null && s.permission().source() == GrantSource.CALLBACK
                && callId.equals(s.permission().reference());
    }
}
