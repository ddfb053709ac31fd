package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.state.PairState;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pair rows the dashboard has folded in the current transaction, each beside its state, written once just
 * before the transaction commits. A pair's state grows with its history, and encoding it for every event was
 * the dashboard's largest cost on PostgreSQL (docs/performance.md, change 11): a busy pair with ten events in a
 * batch was encoded ten times. A new row is inserted at that point too, with its final state, never first
 * with an empty one. A rollback discards the lot with the transaction.
 */
@Component
@Profile("!audit")
class FoldedPairRows {

    record Folded(PairRow row, PairState state) {
    }

    private final PairRows pairs;
    private final RecentPairStates states;

    FoldedPairRows(PairRows pairs, RecentPairStates states) {
        this.pairs = pairs;
        this.states = states;
    }

    /** The pair as this transaction left it, or as its row holds it, or new. */
    Folded current(PairId pair) {
        Folded folded = inThisTransaction().get(pair.value());
        if (folded != null) {
            return folded;
        }
        return pairs.findById(pair.value())
                .map(row -> new Folded(row, states.read(row.pairId, row.pairState)))
                .orElseGet(() -> new Folded(new PairRow(pair.value(), pair.business(), pair.user()), PairState.EMPTY));
    }

    void put(PairRow row, PairState state) {
        inThisTransaction().put(row.pairId, new Folded(row, state));
    }

    private Map<String, Folded> inThisTransaction() {
        @SuppressWarnings("unchecked")
        Map<String, Folded> folded = (Map<String, Folded>) TransactionSynchronizationManager.getResource(this);
        if (folded == null) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                throw new IllegalStateException("the dashboard folds events only inside a transaction");
            }
            folded = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, folded);
            TransactionSynchronizationManager.registerSynchronization(new WrittenBeforeCommit(folded));
        }
        return folded;
    }

    private final class WrittenBeforeCommit implements TransactionSynchronization {

        private final Map<String, Folded> folded;

        WrittenBeforeCommit(Map<String, Folded> folded) {
            this.folded = folded;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            folded.values().forEach(f -> {
                f.row().pairState = states.write(f.row().pairId, f.state());
                pairs.save(f.row());
            });
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(FoldedPairRows.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(FoldedPairRows.this, folded);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(FoldedPairRows.this);
        }
    }
}
