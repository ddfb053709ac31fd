package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Decided;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.state.PairState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No answer ever depends on the sweeper having run" (docs/rules.md, Time), and R-REQUEST-WHILE-PERMANENT
 * under any sequence of moves between policies.
 */
class SweeperAndSwitchProperties {

    private static final PairId PAIR = History.PAIR;

    /**
     * Before every decision, the sweeper either has not run or has just run ({@link ExpireDue}): the state
     * and the status read then and a week later, and the decision itself, are the same either way.
     */
    @Property(tries = 300)
    void everyAnswerAndDecisionIsTheSameWhetherOrNotTheSweeperHasRun(
            @ForAll(supplier = Histories.class) History history) {
        for (Decided d : history.run().decided) {
            List<PairEvent> sweep = PairDecider.decide(d.before(), new ExpireDue(PAIR), d.terms(), d.at()).events();
            PairState swept = PairEvolution.fold(d.before(), sweep);
            for (Instant t : List.of(d.at(), d.at().plus(Duration.ofDays(8)))) {
                assertThat(PairDecider.stateAt(PAIR, swept, t)).as("state at %s, %s", t, d)
                        .isEqualTo(PairDecider.stateAt(PAIR, d.before(), t));
                assertThat(PairStatus.of(PAIR, swept, d.terms(), t)).as("status at %s, %s", t, d)
                        .isEqualTo(PairStatus.of(PAIR, d.before(), d.terms(), t));
            }
            if (d.command() instanceof ExpireDue) {
                continue;   // the sweeper itself: having run, it finds nothing more
            }
            Decision afterSweep = PairDecider.decide(swept, d.command(), d.terms(), d.at());
            assertThat(afterSweep.getClass()).as("%s", d).isEqualTo(d.decision().getClass());
            if (!d.decision().events().isEmpty()) {
                List<PairEvent> both = new ArrayList<>(sweep);
                both.addAll(afterSweep.events());
                assertThat(d.decision().events()).as("the due expiries first, then the same: %s", d).isEqualTo(both);
            }
        }
    }

    /** R-REQUEST-WHILE-PERMANENT: whatever policy the business is moved to, no request while one is held. */
    @Property(tries = 300)
    void noRequestIsAcceptedWhileAPermanentPermissionIsHeldUnderAnySequenceOfPolicySwitches(
            @ForAll(supplier = SwitchingHistories.class) History history) {
        PermissionGranted held = null;
        for (Decided d : history.run().decided) {
            PermissionGranted heldBefore = held;
            for (var e : d.decision().events()) {
                if (e instanceof PermissionGranted g) {
                    held = g;
                } else if (e instanceof com.callpermissionledger.policy.event.PermissionRevoked
                        || e instanceof com.callpermissionledger.policy.event.PermissionExpired) {
                    held = null;
                } else if (e instanceof PermissionRequested r) {
                    assertThat(held == null || held.expiresAt() != null).as("%s while %s", r, held).isTrue();
                }
            }
            if (d.command() instanceof SendPermissionRequest && heldBefore != null && heldBefore.expiresAt() == null
                    && !d.before().requests().containsKey(((SendPermissionRequest) d.command()).requestId())) {
                assertThat(d.decision()).as("%s", d).isInstanceOfSatisfying(Decision.Refused.class,
                        r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.PERMANENT_PERMISSION_EXISTS));
            }
        }
    }

    /** Histories in which the business moves between policies often. */
    static final class SwitchingHistories extends Histories {
        SwitchingHistories() {
            super(15);
        }
    }
}
