package com.callpermissionledger.pair;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When a pair's snapshot is taken: after {@code ledger.snapshots.every-events} events folded since the
 * last one, counting those read to load the pair. Axon's snapshotter runs after the command's unit of
 * work, which joins the transaction {@link PairLedger} holds the pair lock in, so the snapshot is written
 * and committed with the events it folded, or not at all. {@link PairSnapshotFilter} decides which
 * snapshots are used.
 */
@Configuration
public class PairSnapshots {

    @Bean
    public SnapshotTriggerDefinition pairSnapshotTrigger(Snapshotter snapshotter, PairSnapshotProperties properties) {
        return properties.everyEvents() == 0 ? NoSnapshotTriggerDefinition.INSTANCE
                : new EventCountSnapshotTriggerDefinition(snapshotter, properties.everyEvents());
    }
}
