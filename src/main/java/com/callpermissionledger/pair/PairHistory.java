package com.callpermissionledger.pair;

import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Folds a pair's history with the same {@link PairEvolution} the aggregate uses. The current state is kept
 * per pair ({@code ledger.cache.pairs}) with the last event folded; each query still reads the store from
 * that event on, so it sees every command already committed, on any node. A pair not kept, or whose last
 * folded event is no longer where it was (an erasure moved the stream), is folded again: a short stream from
 * its first event, a longer one from the pair's snapshot if {@link PairSnapshotFilter} accepts it. Answers as
 * of an instant always fold the events themselves.
 */
@Component
public class PairHistory {

    /** A pair's state, and where in its stream it was folded to. */
    private record Folded(PairState state, long lastSequence, String lastEventId) {
    }

    private static final Folded NOTHING = new Folded(PairState.EMPTY, -1, null);

    /**
     * A pair not in memory with at most this many events is folded from its first event, in the one query
     * that reads them (Axon reads a stream 100 events at a time): asking for a snapshot first was a second
     * round trip for the many pairs that have none (docs/performance.md, change 16).
     */
    static final int SHORT = 99;

    private final EventStore eventStore;
    private final Cache<String, Folded> current;

    public PairHistory(EventStore eventStore, PairCacheProperties cache, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.current = Caffeine.newBuilder().maximumSize(cache.pairs()).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, current, "pair-states");
    }

    public PairState state(PairId pair) {
        Folded known = current.getIfPresent(pair.value());
        Folded folded = known == null ? null
                : foldOn(known, eventStore.readEvents(pair.value(), Math.max(0, known.lastSequence())));
        if (folded == null) {
            folded = foldShort(pair);
        }
        if (folded == null) {
            folded = foldOn(NOTHING, eventStore.readEvents(pair.value()));
        }
        if (folded.lastEventId() != null && folded != known) {
            current.put(pair.value(), folded);
        }
        return folded.state();
    }

    /**
     * The state from the events whose business instant is at or before {@code at}. Every decision is
     * recorded at the instant it was made; only expiries are recorded after their business instant, and
     * the status at {@code at} applies those itself, so this is the state the ledger held at {@code at}.
     */
    public PairState stateAsOf(PairId pair, Instant at) {
        return fold(pair, event -> !event.occurredAt().isAfter(at));
    }

    /** The pair's events as recorded, in order. */
    public List<PairEvent> events(PairId pair) {
        List<PairEvent> events = new ArrayList<>();
        var stream = eventStore.readEvents(pair.value(), 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof PairEvent event) {
                events.add(event);
            }
        }
        return events;
    }

    /** The pair's state folded from its first event; null when it has more than {@link #SHORT} events. */
    private Folded foldShort(PairId pair) {
        DomainEventStream stream = eventStore.readEvents(pair.value(), 0);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (events.size() <= SHORT && stream.hasNext()) {
            events.add(stream.next());
        }
        return events.size() > SHORT ? null : foldOn(NOTHING, DomainEventStream.of(events));
    }

    /**
     * {@code known} with the events of {@code stream} after it; null when the stream does not start with
     * {@code known}'s last event. A snapshot in the stream (only ever its first message) replaces the state.
     */
    private static Folded foldOn(Folded known, DomainEventStream stream) {
        if (known.lastEventId() != null
                && !(stream.hasNext() && stream.next().getIdentifier().equals(known.lastEventId()))) {
            return null;
        }
        Folded folded = known;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof PairAggregate snapshot) {
                folded = new Folded(snapshot.state(), message.getSequenceNumber(), snapshot.lastEventId());
                continue;
            }
            PairState state = message.getPayload() instanceof PairEvent event
                    ? PairEvolution.evolve(folded.state(), event) : folded.state();
            folded = new Folded(state, message.getSequenceNumber(), message.getIdentifier());
        }
        return folded;
    }

    private PairState fold(PairId pair, Predicate<PairEvent> include) {
        PairState state = PairState.EMPTY;
        var stream = eventStore.readEvents(pair.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof PairEvent event && include.test(event)) {
                state = PairEvolution.evolve(state, event);
            }
        }
        return state;
    }
}
