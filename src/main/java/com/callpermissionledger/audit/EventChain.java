package com.callpermissionledger.audit;

import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.time.WallClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Chains every stored event to the previous event of its stream ({@link ChainHash}). Runs as the events
 * are published, inside the command's transaction: the previous hash comes from events of the same unit
 * of work, or else from the stored predecessor. A write conflict rolls the whole unit back, so a chain
 * never forks. It also stamps each event with its recording instant from the {@link WallClock}, real time
 * even under the simulated clock: Axon gives up on a gap in the global index once the events around it look
 * older than its gap timeout by real time, so a simulated stamp would make projections skip late commits.
 */
@Component
public class EventChain implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String LAST_HASHES = EventChain.class.getName() + ".lastHashes";

    private final EventStore eventStore;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    private final WallClock clock;

    public EventChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer, JdbcTemplate jdbc,
                      @Qualifier("defaultAxonObjectMapper") ObjectMapper json, WallClock clock) {
        this.clock = clock;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.json = json;
    }

    @PostConstruct
    void register() {
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHashes = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(LAST_HASHES, key -> new HashMap<String, String>())
                : new HashMap<>();
        return (index, message) -> message instanceof DomainEventMessage<?> event ? chain(event, lastHashes) : message;
    }

    private <T> EventMessage<T> chain(DomainEventMessage<T> event, Map<String, String> lastHashes) {
        String stream = event.getAggregateIdentifier();
        String previous = lastHashes.containsKey(stream) ? lastHashes.get(stream) : storedHash(stream, event.getSequenceNumber() - 1);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        var meta = event.getMetaData();
        Instant recordedAt = clock.instant();
        String hash = ChainHash.of(previous, stream, event.getSequenceNumber(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), text(meta.get(CommandOrigin.CLIENT)),
                text(meta.get(CommandOrigin.CORRELATION_ID)), DateTimeUtils.formatInstant(recordedAt));
        lastHashes.put(stream, hash);
        return new GenericDomainEventMessage<>(event.getType(), stream, event.getSequenceNumber(),
                new ChainedMessage<>(event, meta.mergedWith(Map.of(ChainHash.PREVIOUS_HASH, previous, ChainHash.HASH, hash))),
                recordedAt);
    }

    private String storedHash(String stream, long sequence) {
        if (sequence < 0) {
            return ChainHash.GENESIS;
        }
        List<byte[]> rows = jdbc.query("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", (rs, n) -> rs.getBytes(1), stream, sequence);
        if (rows.isEmpty() || rows.get(0) == null) {
            return ChainHash.GENESIS;
        }
        try {
            var hash = json.readTree(rows.get(0)).get(ChainHash.HASH);
            return hash == null ? ChainHash.GENESIS : hash.asText();
        } catch (IOException e) {
            throw new IllegalStateException("stored metadata of a predecessor event is unreadable", e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
