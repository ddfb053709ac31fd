package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.event.PairEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * A pair's timeline, read from its own events when asked. A table of it cost an insert per event on every
 * command and in every rebuild, for a view opened one pair at a time (docs/performance.md, change 17). It
 * therefore shows every event the store holds, including any the pair's dashboard row does not reflect yet.
 */
@Service
public class PairTimeline {

    private final EventStore events;

    PairTimeline(EventStore events) {
        this.events = events;
    }

    /** Every event of the pair in order, in plain words; empty for a pair with no history. */
    public List<TimelineEntry> of(PairId pair) {
        List<TimelineEntry> entries = new ArrayList<>();
        // from sequence 0: the events themselves, never a snapshot in their place
        var stream = events.readEvents(pair.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof PairEvent event) {
                entries.add(new TimelineEntry(message.getSequenceNumber(), event.occurredAt(),
                        event.getClass().getSimpleName(), TimelineText.of(event), event.rule()));
            }
        }
        return entries;
    }
}
