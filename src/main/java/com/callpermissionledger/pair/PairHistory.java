package com.callpermissionledger.pair;

import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
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

    /** The state from the events recorded up to and including {@code at}. */
    public PairState stateRecordedBy(PairId pair, Instant at) {
        return fold(pair, message -> !message.getTimestamp().isAfter(at));
    }

    private PairState fold(PairId pair, Predicate<DomainEventMessage<?>> include) {
        PairState state = PairState.EMPTY;
        var stream = eventStore.readEvents(pair.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (include.test(message) && message.getPayload() instanceof PairEvent event) {
                state = PairEvolution.evolve(state, event);
            }
        }
        return state;
    }
}
