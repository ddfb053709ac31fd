package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * R-MISS-WARNING and R-MISS-REVOKE: unanswered and rejected business calls in a row raise a warning at
 * {@code warnAfterMisses} and revoke the permission at {@code revokeAfterMisses}. A technical failure
 * neither extends nor ends the run; a connected call (either direction) or a new grant ends it.
 * The run is judged in business time (R-FACT-TIME), not in the order reports arrive: a miss dated before
 * the fact that ended the run belonged to an earlier run, and a run-ending fact reported late ends only
 * the misses dated up to it.
 */
public final class UnansweredRun {

    private UnansweredRun() {
    }

    /** The run after a business call's outcome dated {@code at}. */
    public static int after(PairState state, CallOutcome outcome, Instant at) {
        if (outcome == CallOutcome.CONNECTED) {
            return endedAt(state, at);
        }
        return outcome.isMiss() && counts(state, at) ? state.consecutiveMisses() + 1 : state.consecutiveMisses();
    }

    /** A miss dated before the latest fact that ended the run is late news about an earlier run. */
    public static boolean counts(PairState state, Instant missAt) {
        return state.runStartedAt() == null || !missAt.isBefore(state.runStartedAt());
    }

    /**
     * The run after a fact dated {@code at} that ends it: the misses dated after {@code at} remain (none, when
     * the fact is the newest). A fact dated before the run's start is older news and leaves the run as it is.
     */
    public static int endedAt(PairState state, Instant at) {
        if (!counts(state, at)) {
            return state.consecutiveMisses();
        }
        long later = state.calls().values().stream()
                .filter(c -> c.outcome() != null && c.outcome().isMiss() && c.outcomeAt().isAfter(at))
                .count();
        return (int) Math.min(later, state.consecutiveMisses());
    }

    /** The warning and revocation a run of {@code misses} calls for, given what already happened. */
    public static List<PairEvent> consequences(PairId pair, PairState state, Policy policy, int misses, Instant now) {
        List<PairEvent> events = new ArrayList<>();
        if (misses >= policy.warnAfterMisses() && !state.warning()) {
            events.add(new UnansweredCallsWarningRaised(pair, now, misses, policy.name(), RuleId.MISS_WARNING.id()));
        }
        if (misses >= policy.revokeAfterMisses()
                && state.permissionAt(now).filter(p -> !p.grantedAt().isAfter(now)).isPresent()) {
            events.add(new PermissionRevoked(pair, now, RevocationSource.AUTOMATIC, policy.name(),
                    RuleId.MISS_REVOKE.id()));
        }
        return events;
    }
}
