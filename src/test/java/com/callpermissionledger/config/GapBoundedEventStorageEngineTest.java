package com.callpermissionledger.config;

import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.GrantPermission;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's event storage answers a processor whose token holds gaps with the rows Axon's own query
 * defines: every event in a gap, then the events after the token, in order.
 */
@SpringBootTest
@ActiveProfiles({"test", "simulation"})
class GapBoundedEventStorageEngineTest {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    PairLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aTokenWithGapsGetsTheEventsInItsGapsAndAfterIt() {
        for (int user = 0; user < 6; user++) {
            ledger.handle(new GrantPermission(new PairId("5071", "491507100000" + user), true));
        }
        List<Long> written = jdbc.queryForList("select global_index from domain_event_entry"
                + " where aggregate_identifier like '5071:%' order by global_index", Long.class);
        assertThat(written).hasSize(6);
        // as if the 2nd and 4th events had committed late: the token stands at the 5th, the 6th is after it
        var token = GapAwareTrackingToken.newInstance(written.get(4), Set.of(written.get(1), written.get(3)));

        List<Long> fetched = transaction.execute(status -> ((GapBoundedEventStorageEngine) engine).fetchEvents(token))
                .stream().map(row -> (Long) row[0]).toList();

        List<Long> axonDefinition = jdbc.queryForList("select global_index from domain_event_entry"
                + " where global_index > ? or global_index in (?, ?) order by global_index",
                Long.class, written.get(4), written.get(1), written.get(3));
        assertThat(fetched).isEqualTo(axonDefinition).startsWith(written.get(1), written.get(3), written.get(5));
    }
}
