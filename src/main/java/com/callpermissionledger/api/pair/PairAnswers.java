package com.callpermissionledger.api.pair;

import com.callpermissionledger.api.problem.DecisionProblems;
import com.callpermissionledger.pair.PairOutcome;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairDecider;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.policy.state.PairState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.function.BiFunction;

/**
 * Turns a command's outcome into its HTTP answer. A duplicate answers exactly as the first time did,
 * because the body is read from the pair's state, not from what the command changed. Every answer is read
 * from the state with the expiries due by now applied, so no answer depends on the sweeper having run.
 */
@Component
class PairAnswers {

    private final BusinessTermsSource terms;
    private final Clock clock;

    PairAnswers(BusinessTermsSource terms, Clock clock) {
        this.terms = terms;
        this.clock = clock;
    }

    ResponseEntity<?> answer(PairId pair, PairOutcome outcome, HttpStatus success,
                             BiFunction<PairState, LedgerView, Object> body) {
        if (outcome.decision() instanceof Decision.Refused refused) {
            return DecisionProblems.refused(refused, clock);
        }
        if (outcome.decision() instanceof Decision.Rejected rejected) {
            return DecisionProblems.rejected(rejected);
        }
        PairState current = current(pair, outcome.state());
        return ResponseEntity.status(success).body(body.apply(current, ledger(pair, current)));
    }

    /** The recorded state with the expiries due by now applied, dated when they fell due (R-REQUEST-EXPIRY, R-TEMPORARY-168H). */
    PairState current(PairId pair, PairState recorded) {
        return PairDecider.stateAt(pair, recorded, clock.instant());
    }

    LedgerView ledger(PairId pair, PairState state) {
        return LedgerView.of(status(pair, state));
    }

    PairStatus status(PairId pair, PairState state) {
        return PairStatus.of(pair, state, terms.termsFor(pair.business()), clock.instant());
    }

    Clock clock() {
        return clock;
    }
}
