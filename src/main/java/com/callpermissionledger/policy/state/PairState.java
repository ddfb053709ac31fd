package com.callpermissionledger.policy.state;

import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.UserCallOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the rules need to know about one pair, folded from its events. Immutable: every change
 * returns a new state, so any past state can be rebuilt by folding a prefix of the history.
 *
 * @param permission       the permission held, until an expiry or revocation event ends it
 * @param lastChange       the ledger state set by the latest state-changing event
 * @param countedRequests  instants of the requests counted since the last reset (R-REQUEST-RESET)
 * @param consecutiveMisses unanswered or rejected business calls in a row (R-MISS-WARNING)
 * @param runStartedAt     business instant of the latest fact that ended the run of misses (a connected call,
 *                         a grant); a miss dated before it belongs to an earlier run (R-FACT-TIME). Null: none
 * @param endedPermissions when the latest permissions that have ended were held, so a fact reported late can
 *                         be judged against the permission of its own instant (at most {@link #ENDED_KEPT})
 */
public record PairState(PermissionGrant permission, LedgerState lastChange,
                        Map<String, RequestRecord> requests, List<Instant> countedRequests,
                        Map<String, CallRecord> calls, Map<String, UserCallOutcome> userCalls,
                        int consecutiveMisses, boolean warning, Instant lastActivityAt, String policy,
                        Instant runStartedAt, List<HeldSpan> endedPermissions) {

    public static final int ENDED_KEPT = 32;

    public static final PairState EMPTY = new PairState(null, LedgerState.NONE, Map.of(), List.of(),
            Map.of(), Map.of(), 0, false, null, null, null, List.of());

    public PairState {
        requests = Map.copyOf(requests);
        countedRequests = List.copyOf(countedRequests);
        calls = Map.copyOf(calls);
        userCalls = Map.copyOf(userCalls);
        endedPermissions = endedPermissions == null ? List.of() : List.copyOf(endedPermissions);
    }

    public Optional<PermissionGrant> permissionAt(Instant now) {
        return Optional.ofNullable(permission).filter(p -> p.validAt(now));
    }

    /** Whether a permission was held at {@code at}: the one held now, or one that has ended since. */
    public boolean heldAnyAt(Instant at) {
        return permissionAt(at).filter(p -> !p.grantedAt().isAfter(at)).isPresent()
                || endedPermissions.stream().anyMatch(span -> span.covers(at));
    }

    public boolean holdsPermanentPermission(Instant now) {
        return permissionAt(now).map(PermissionGrant::isPermanent).orElse(false);
    }

    /** The state to show at {@code now}: time alone can turn a grant or a pending request into EXPIRED. */
    public LedgerState ledgerStateAt(Instant now) {
        if (permission != null) {
            return permission.validAt(now) ? LedgerState.GRANTED : LedgerState.EXPIRED;
        }
        if (lastChange == LedgerState.REQUESTED && requests.values().stream().noneMatch(r -> r.openAt(now))) {
            return LedgerState.EXPIRED;
        }
        return lastChange;
    }
}
