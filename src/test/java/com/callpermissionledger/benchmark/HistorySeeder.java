package com.callpermissionledger.benchmark;

import com.callpermissionledger.pair.PairAggregate;
import com.callpermissionledger.pair.PairSnapshotProperties;
import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.PairDecider;
import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills the store fast with histories the rules themselves decided ({@link PairDecider}, as the aggregate
 * would), appended in batches through the event store, so the hash chain and the in-transaction processors
 * see them as they see any command's events. What it skips is the per-command cost under test: the command
 * bus, the pair lock and one transaction per command.
 */
final class HistorySeeder {

    private static final int BATCH = 1_000;
    private static final int THREADS = 8;
    private static final String TYPE = "PairAggregate";

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final BusinessTermsSource terms;
    private final Clock clock;
    private final Snapshotter snapshotter;
    private final int snapshotEvery;

    HistorySeeder(BenchmarkNode node) {
        this.eventStore = node.bean(EventStore.class);
        this.transactions = node.bean(TransactionManager.class);
        this.terms = node.bean(BusinessTermsSource.class);
        this.clock = node.bean(Clock.class);
        this.snapshotter = node.bean(Snapshotter.class);
        this.snapshotEvery = node.bean(PairSnapshotProperties.class).everyEvents();
    }

    /**
     * {@code count} pairs of {@code business}, users 0..count-1, each holding a permanent permission: one
     * event each, appended by {@code THREADS} threads in batches of {@code BATCH}.
     */
    long grantedPairs(String business, int count) throws Exception {
        BusinessTerms businessTerms = terms.termsFor(business);
        Instant now = clock.instant();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> batches = new ArrayList<>();
            for (int first = 0; first < count; first += BATCH) {
                int from = first;
                int to = Math.min(count, first + BATCH);
                batches.add(pool.submit(() -> append(grants(business, from, to, businessTerms, now))));
            }
            long appended = 0;
            for (Future<Integer> batch : batches) {
                appended += batch.get();
            }
            return appended;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<DomainEventMessage<?>> grants(String business, int from, int to, BusinessTerms terms, Instant now) {
        List<DomainEventMessage<?>> batch = new ArrayList<>(to - from);
        for (int user = from; user < to; user++) {
            PairId pair = new PairId(business, Integer.toString(user));
            for (PairEvent event : PairDecider.decide(PairState.EMPTY, new GrantPermission(pair, true, null), terms, now)
                    .events()) {
                batch.add(new GenericDomainEventMessage<>(TYPE, pair.value(), 0, event));
            }
        }
        return batch;
    }

    /**
     * One pair with {@code size} events: a permanent grant, the calls the cap allows, then the refusals a
     * hot pair collects when an upstream system keeps calling all day. Its snapshots are where the ledger
     * would have taken them (after every {@code ledger.snapshots.every-events} events, by Axon's
     * snapshotter, so each reads the previous one and the events after it).
     */
    void hotPair(PairId pair, int size) {
        BusinessTerms businessTerms = terms.termsFor(pair.business());
        Instant now = clock.instant();
        int flushEvery = snapshotEvery > 0 ? snapshotEvery : BATCH;
        PairState state = PairState.EMPTY;
        List<DomainEventMessage<?>> batch = new ArrayList<>(flushEvery);
        long sequence = 0;
        PairCommand command = new GrantPermission(pair, true, null);
        while (sequence < size) {
            for (PairEvent event : PairDecider.decide(state, command, businessTerms, now).events()) {
                state = PairEvolution.evolve(state, event);
                batch.add(new GenericDomainEventMessage<>(TYPE, pair.value(), sequence++, event));
            }
            if (batch.size() >= flushEvery) {
                append(batch);
                if (snapshotEvery > 0) {
                    snapshotter.scheduleSnapshot(PairAggregate.class, pair.value());
                }
            }
            command = new PlaceCall(pair, "wacid.h" + sequence);
        }
        append(batch);
    }

    private int append(List<DomainEventMessage<?>> batch) {
        int size = batch.size();
        if (size > 0) {
            DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            unit.attachTransaction(transactions);
            unit.execute(() -> eventStore.publish(List.copyOf(batch)));
            batch.clear();
        }
        return size;
    }
}
