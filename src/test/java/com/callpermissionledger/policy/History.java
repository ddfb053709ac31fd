package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step model of the property tests: a generated history is a list of steps (commands, clock advances,
 * bursts of calls, and moves of the business to other terms), driven through {@link PairDecider#decide} and
 * {@link PairEvolution#fold} as the aggregate would.
 */
public record History(BusinessTerms terms, List<Step> steps) {

    static final PairId PAIR = Ledger.PAIR;

    sealed interface Step permits Advance, Command, Burst, Switch {
    }

    record Advance(Duration by) implements Step {
    }

    record Command(PairCommand command) implements Step {
    }

    /** The business moves to other terms (policy, callback setting) from this step on. */
    record Switch(BusinessTerms to) implements Step {
    }

    /**
     * Business calls placed with fresh ids, {@code spacing} apart, each ending as listed; optionally after a
     * profile grant, so that long bursts meet the v2 cap and runs of misses meet a permission to revoke.
     */
    record Burst(Optional<GrantPermission> grantFirst, List<BurstEnd> ends, Duration spacing) implements Step {
    }

    enum BurstEnd { IN_FLIGHT, CONNECTED, UNANSWERED, REJECTED, FAILED }

    /** One command as decided: the terms and instant it was decided under, and the state around it. */
    record Decided(PairCommand command, BusinessTerms terms, Instant at, PairState before, Decision decision,
                   PairState after) {
        @Override
        public String toString() {
            return command + " under " + terms.policy().name() + " at " + at + " -> " + decision;
        }
    }

    Run run() {
        Run run = new Run(terms);
        int fresh = 0;
        for (Step step : steps) {
            if (step instanceof Advance a) {
                run.now = run.now.plus(a.by());
            } else if (step instanceof Command c) {
                run.decide(c.command());
            } else if (step instanceof Switch s) {
                run.terms = s.to();
            } else if (step instanceof Burst b) {
                b.grantFirst().ifPresent(run::decide);
                for (BurstEnd end : b.ends()) {
                    String callId = "wacid.B" + (++fresh);
                    run.now = run.now.plus(b.spacing());
                    Decision placed = run.decide(new PlaceCall(PAIR, callId));
                    if (placed instanceof Decision.Recorded && end != BurstEnd.IN_FLIGHT) {
                        run.decide(new RecordCallOutcome(PAIR, callId, CallOutcome.valueOf(end.name())));
                    }
                }
            }
        }
        return run;
    }

    /** Every state the history passes through, in order: for the dashboard's stored copy of it. */
    public List<PairState> states() {
        return run().decided.stream().map(Decided::after).toList();
    }

    boolean switches() {
        return steps.stream().anyMatch(Switch.class::isInstance);
    }

    @Override
    public String toString() {
        return terms + " " + steps;
    }

    static final class Run {
        BusinessTerms terms;
        final List<Decided> decided = new ArrayList<>();
        final List<PairEvent> history = new ArrayList<>();
        PairState state = PairState.EMPTY;
        Instant now = Ledger.T0;

        Run(BusinessTerms terms) {
            this.terms = terms;
        }

        Decision decide(PairCommand command) {
            PairState before = state;
            Decision decision = PairDecider.decide(before, command, terms, now);
            state = PairEvolution.fold(before, decision.events());
            history.addAll(decision.events());
            decided.add(new Decided(command, terms, now, before, decision, state));
            return decision;
        }
    }
}
