package com.callpermissionledger.pair;

import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a pair's history from the event store, always from sequence 0 (never from a snapshot), and folds
 * it with the same {@link PairEvolution} the aggregate uses.
 */
@Component
public class PairHistory {

    private final EventStore eventStore;

    public PairHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public PairState state(PairId pair) {
        return fold(pair, message -> true);
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
