package com.callpermissionledger.config;

import jakarta.persistence.TypedQuery;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import java.util.List;

/**
 * Axon's JPA event storage with one change: the query a streaming processor runs while its token holds
 * gaps. Axon asks for {@code globalIndex > :token OR globalIndex IN :gaps}, which H2 cannot answer from the
 * primary key, so every fetch read the whole event table while a gap lasted; with commands committing
 * concurrently a token nearly always holds one. At full scale (1.4 million events) that was a third of H2's
 * samples in the benchmark's disk run, and the long reads kept old versions alive that each commit then
 * walked (docs/performance.md, change 23). Every gap lies below the token's index, so bounding the query
 * below by the first gap selects the same rows from an index range.
 */
public class GapBoundedEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber,"
            + " e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    public GapBoundedEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        TypedQuery<Object[]> query = entityManager().createQuery(COLUMNS + domainEventEntryEntityName() + " e"
                + " WHERE e.globalIndex >= :firstGap AND (e.globalIndex > :token OR e.globalIndex IN :gaps)"
                + " ORDER BY e.globalIndex ASC", Object[].class);
        return query.setParameter("firstGap", token.getGaps().first())
                .setParameter("token", token.getIndex())
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList();
    }
}
