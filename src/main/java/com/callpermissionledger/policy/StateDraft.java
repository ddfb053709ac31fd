package com.callpermissionledger.policy;

import com.callpermissionledger.policy.state.CallRecord;
import com.callpermissionledger.policy.state.HeldSpan;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;
import com.callpermissionledger.policy.state.RequestRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mutable copy of a {@link PairState} while one event is applied; never leaves {@link PairEvolution}. */
final class StateDraft {

    PermissionGrant permission;
    LedgerState lastChange;
    final Map<String, RequestRecord> requests;
    final List<Instant> countedRequests;
    final Map<String, CallRecord> calls;
    final Map<String, UserCallOutcome> userCalls;
    int consecutiveMisses;
    boolean warning;
    Instant lastActivityAt;
    String policy;
    Instant runStartedAt;
    final List<HeldSpan> endedPermissions;

    StateDraft(PairState s) {
        permission = s.permission();
        lastChange = s.lastChange();
        requests = new HashMap<>(s.requests());
        countedRequests = new ArrayList<>(s.countedRequests());
        calls = new HashMap<>(s.calls());
        userCalls = new HashMap<>(s.userCalls());
        consecutiveMisses = s.consecutiveMisses();
        warning = s.warning();
        lastActivityAt = s.lastActivityAt();
        policy = s.policy();
        runStartedAt = s.runStartedAt();
        endedPermissions = new ArrayList<>(s.endedPermissions());
    }

    /** The request, first recorded (and counted toward the windows) if the ledger learns of it here. */
    Optional<RequestRecord> request(String requestId, boolean learned, Instant at) {
        RequestRecord known = requests.get(requestId);
        if (known == null && learned) {
            known = RequestRecord.learned(requestId, requests.size());
            requests.put(requestId, known);
            countedRequests.add(at);
        }
        return Optional.ofNullable(known);
    }

    /** The permission held ends at {@code at} (or at its own expiry, if earlier); its span is kept. */
    void permissionEnds(Instant at) {
        if (permission == null) {
            return;
        }
        Instant until = permission.expiresAt() != null && permission.expiresAt().isBefore(at) ? permission.expiresAt() : at;
        if (until.isAfter(permission.grantedAt())) {
            endedPermissions.add(new HeldSpan(permission.grantedAt(), until));
            if (endedPermissions.size() > PairState.ENDED_KEPT) {
                endedPermissions.remove(0);
            }
        }
        permission = null;
    }

    /** A fact dated {@code at} ended the run of misses; a late one does not move the start back. */
    void runEndedAt(Instant at) {
        if (runStartedAt == null || at.isAfter(runStartedAt)) {
            runStartedAt = at;
        }
    }

    /** A run of misses that ends also ends its warning. */
    void missesBecome(int misses) {
        consecutiveMisses = misses;
        if (misses == 0) {
            warning = false;
        }
    }

    PairState build() {
        return new PairState(permission, lastChange, requests, countedRequests, calls, userCalls,
                consecutiveMisses, warning, lastActivityAt, policy, runStartedAt,
                endedPermissions);
    }
}
