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
 * It is read a page at a time, newest page first: the panel asks every 2 s, and a pair can hold a hundred
 * thousand events.
 */
@Service
public class PairTimeline {

    /** The page the pair panel shows. */
    public static final int LATEST = 100;
    public static final int MAX_PAGE = 1_000;

    private final EventStore events;

    PairTimeline(EventStore events) {
        this.events = events;
    }

    /**
     * Up to {@code limit} events of the pair just before sequence {@code before} (null: the newest), oldest
     * first, and how many events come before them. Empty for a pair with no history.
     */
    public TimelinePage page(PairId pair, Long before, int limit) {
        long next = events.lastSequenceNumberFor(pair.value()).map(last -> last + 1).orElse(0L);
        long end = before == null ? next : Math.min(before, next);
        long start = Math.max(0, end - limit);
        List<TimelineEntry> entries = new ArrayList<>();
        if (start < end) {
            // from a sequence number: the events themselves, never a snapshot in their place
            var stream = events.readEvents(pair.value(), start);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (message.getSequenceNumber() >= end) {
                    break;
                }
                if (message.getPayload() instanceof PairEvent event) {
                    entries.add(new TimelineEntry(message.getSequenceNumber(), event.occurredAt(),
                            event.getClass().getSimpleName(), TimelineText.of(event), event.rule()));
                }
            }
        }
        return new TimelinePage(entries, start);
    }
}
