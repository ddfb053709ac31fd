package com.callpermissionledger.pair;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * A pair's snapshot is used only if it is of the current format ({@link PairAggregate#SNAPSHOT_REVISION}),
 * reads as one, and the stored event at its sequence is the one it folded last. Otherwise the stream is
 * read whole, as without snapshots. Axon reads a snapshot's payload only after this filter and would fail
 * the command on an unreadable one, hence the trial read here. The second check is what keeps a snapshot from outliving its stream: an erasure
 * moves the events to a pseudonym and deletes the snapshot, and a snapshot written in a race with it
 * would otherwise describe a history the pair no longer has. Other aggregates' snapshots are not judged
 * here.
 */
@Component
public class PairSnapshotFilter implements SnapshotFilter {

    static final String AGGREGATE_TYPE = PairAggregate.class.getSimpleName();
    private static final String EVENT_AT = "select event_identifier from domain_event_entry"
            + " where aggregate_identifier = ? and sequence_number = ?";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public PairSnapshotFilter(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        if (!AGGREGATE_TYPE.equals(snapshot.getType())) {
            return true;
        }
        if (!PairAggregate.SNAPSHOT_REVISION.equals(snapshot.getPayload().getType().getRevision())) {
            return false;
        }
        String lastEventId = lastEventIdOf(snapshot.getPayload().getData());
        List<String> stored = jdbc.queryForList(EVENT_AT, String.class, snapshot.getAggregateIdentifier(),
                snapshot.getSequenceNumber());
        return lastEventId != null && stored.equals(List.of(lastEventId));
    }

    private String lastEventIdOf(Object data) {
        try {
            if (data instanceof byte[] bytes) {
                return mapper.readValue(bytes, PairAggregate.class).lastEventId();
            }
            return data instanceof String text ? mapper.readValue(text, PairAggregate.class).lastEventId() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
