package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.time.SimulatedClock;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dashboard batch costs in statements (changes 9 and 15 in docs/performance.md): the rows of the batch's
 * pairs are read in one query, a new row is inserted without a read before it, and the rows of a batch go to the
 * database in JDBC batches. Same context as {@link DashboardProjectionTest}.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:projection;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "simulation"})
class DashboardStatementsTest {

    private static final int PAIRS = 100;

    @Autowired
    DashboardProjector projector;
    @Autowired
    DashboardQueries pairs;
    @Autowired
    SimulatedClock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void aBatchOfNewPairsReadsTheirRowsOnceAndWritesInBatches() {
        Instant t = clock.instant();
        List<PairEvent> events = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            PairId pair = new PairId("7101", "4917100%05d".formatted(i));
            events.add(new PermissionRequested(pair, t, "wamid." + i, Channel.TEMPLATE, t.plus(Duration.ofDays(7)),
                    "whatsapp-v1"));
            events.add(new PermissionRequestDelivered(pair, t, "wamid." + i, t.plus(Duration.ofDays(7)), false));
        }
        Statistics statistics = statistics();
        tx.executeWithoutResult(status -> new Batch(events).foldInto(projector, 0));

        assertThat(statistics.getEntityInsertCount()).as("a pair row and a request row per pair")
                .isEqualTo(2L * PAIRS);
        // the pair row is inserted once, with the state after both events (change 11); the request row, inserted
        // by the request, is updated once at flush for the delivery
        assertThat(statistics.getEntityUpdateCount()).as("one update per request row, none per pair row")
                .isEqualTo(PAIRS);
        // one read of the batch's pair rows, none of a request the state did not hold (change 15; a read per pair
        // and per request before it: 200 more here); the writes add a few batch statements, not one per row
        // (change 9; with rows that do not know they are new, a read before every insert: 613). The margin is
        // for the processors' own polling, which the statistics count too.
        assertThat(statistics.getPrepareStatementCount()).isLessThan(PAIRS / 2);
        assertThat(pairs.pair(new PairId("7101", "491710000042")).orElseThrow().state())
                .isEqualTo(LedgerState.REQUESTED);
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void aBatchOfStoredPairsReadsTheirRowsInOneQuery() {
        Instant t = clock.instant();
        List<PairEvent> first = new ArrayList<>();
        List<PairEvent> second = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            PairId pair = new PairId("7102", "4917100%05d".formatted(i));
            first.add(new PermissionRequested(pair, t, "wamid.a" + i, Channel.TEMPLATE, t.plus(Duration.ofDays(7)),
                    "whatsapp-v1"));
            second.add(new PermissionRequested(pair, t.plusSeconds(1), "wamid.b" + i, Channel.TEMPLATE,
                    t.plus(Duration.ofDays(7)), "whatsapp-v1"));
        }
        tx.executeWithoutResult(status -> new Batch(first).foldInto(projector, 0));
        Statistics statistics = statistics();
        tx.executeWithoutResult(status -> new Batch(second).foldInto(projector, 1));

        assertThat(statistics.getEntityLoadCount()).as("every stored pair row, once").isEqualTo(PAIRS);
        assertThat(statistics.getPrepareStatementCount()).isLessThan(PAIRS / 2);
        assertThat(pairs.pair(new PairId("7102", "491710000042")).orElseThrow().requests24h()).isEqualTo(2);
        statistics.setStatisticsEnabled(false);
    }

    private Statistics statistics() {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        return statistics;
    }
}
