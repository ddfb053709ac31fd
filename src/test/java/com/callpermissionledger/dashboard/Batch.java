package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.event.PairEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.util.List;

/** Events handed to the projector as the dashboard processor hands them: one batch, numbered in order. */
record Batch(List<PairEvent> events) {

    static Batch of(PairEvent... events) {
        return new Batch(List.of(events));
    }

    /** Folds the batch in the caller's transaction; answers the sequence after its last event. */
    long foldInto(DashboardProjector projector, long firstSequence) {
        var unitOfWork = new BatchingUnitOfWork<>(events.stream().map(GenericEventMessage::asEventMessage).toList());
        long sequence = firstSequence;
        for (PairEvent event : events) {
            projector.on(event, sequence++, unitOfWork);
        }
        return sequence;
    }
}
