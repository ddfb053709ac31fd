package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.state.PairState;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pair rows the dashboard has folded in the current transaction, each beside its state, written once just
 * before the transaction commits. A pair's state grows with its history, and encoding it for every event was
 * the dashboard's largest cost on PostgreSQL (docs/performance.md, change 11): a busy pair with ten events in a
 * batch was encoded ten times. A new row is inserted at that point too, with its final state, never first
 * with an empty one. A rollback discards the lot with the transaction.
 * <p>
 * The first pair of a batch not yet folded reads the rows of every pair the batch names, in one query: a read
 * per pair was a round trip per event when a batch brings new pairs, as a rebuild does for each of them
 * (docs/performance.md, change 15). A pair the query did not find has no row, so it is not read again. A
 * batch of one pair reads its row by its key, as before.
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

    /**
     * The pair as this transaction left it, or as its row holds it, or new. {@code batch} names the pairs of
     * the events this transaction folds; it is asked once per transaction.
     */
    Folded current(PairId pair, Supplier<Collection<String>> batch) {
        Transaction tx = inThisTransaction();
        Folded folded = tx.folded.get(pair.value());
        if (folded != null) {
            return folded;
        }
        if (!tx.rowsRead) {
            tx.rowsRead = true;
            Collection<String> named = batch.get();
            if (named.size() > 1) {
                named.forEach(id -> tx.stored.put(id, null));
                pairs.findAllOf(named).forEach(row -> tx.stored.put(row.pairId, row));
            }
        }
        PairRow row = tx.stored.containsKey(pair.value()) ? tx.stored.get(pair.value())
                : pairs.findById(pair.value()).orElse(null);
        return row != null ? new Folded(row, states.read(row.pairId, row.pairState))
                : new Folded(new PairRow(pair.value(), pair.business(), pair.user()), PairState.EMPTY);
    }

    void put(PairRow row, PairState state) {
        inThisTransaction().folded.put(row.pairId, new Folded(row, state));
    }

    /** What one transaction has folded, and the rows its batch's first read found (null: no row). */
    private static final class Transaction {
        final Map<String, Folded> folded = new LinkedHashMap<>();
        final Map<String, PairRow> stored = new HashMap<>();
        boolean rowsRead;
    }

    private Transaction inThisTransaction() {
        Transaction tx = (Transaction) TransactionSynchronizationManager.getResource(this);
        if (tx == null) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                throw new IllegalStateException("the dashboard folds events only inside a transaction");
            }
            tx = new Transaction();
            TransactionSynchronizationManager.bindResource(this, tx);
            TransactionSynchronizationManager.registerSynchronization(new WrittenBeforeCommit(tx));
        }
        return tx;
    }

    private final class WrittenBeforeCommit implements TransactionSynchronization {

        private final Transaction tx;

        WrittenBeforeCommit(Transaction tx) {
            this.tx = tx;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            tx.folded.values().forEach(f -> {
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
            TransactionSynchronizationManager.bindResource(FoldedPairRows.this, tx);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(FoldedPairRows.this);
        }
    }
}
