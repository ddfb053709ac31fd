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
 */
public final class UnansweredRun {

    private UnansweredRun() {
    }

    public static int after(int missesBefore, CallOutcome outcome) {
        if (outcome == CallOutcome.CONNECTED) {
            return 0;
        }
        return outcome.isMiss() ? missesBefore + 1 : missesBefore;
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
