package com.callpermissionledger.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The streaming processors that build projections: where each one is, and rebuilding one from scratch. */
@Service
public class Projections {

    public record Status(String name, Long position, Long lag, boolean replaying) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public List<Status> list() {
        long head = position(eventStore.createHeadToken()).orElse(0);
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(p -> status(p, head)).sorted(java.util.Comparator.comparing(Status::name)).toList();
    }

    public Optional<Status> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Stops the processor, resets its tokens (its reset handler empties its tables) and replays every event. */
    public boolean rebuild(String name) {
        var processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return false;
        }
        StreamingEventProcessor p = processor.get();
        p.shutDown();
        p.resetTokens();
        p.start();
        return true;
    }

    private static Status status(StreamingEventProcessor p, long head) {
        var segments = p.processingStatus().values();
        OptionalLong position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).min();
        Long at = segments.isEmpty() ? null : position.isPresent() ? position.getAsLong() : 0L;
        Long lag = at == null ? null : Math.max(0, head - at);
        // Axon ends a replay only when an event past the reset point arrives; caught up is done replaying
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying) && lag != null && lag > 0;
        return new Status(p.getName(), at, lag, replaying);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
