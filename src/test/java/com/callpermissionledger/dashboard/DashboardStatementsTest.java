package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PairId;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dashboard batch costs in statements (change 9 in docs/performance.md): a new row is inserted without
 * a read before it, and the rows of a batch go to the database in JDBC batches. Same context as
 * {@link DashboardProjectionTest}.
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
    void aBatchOfNewPairsReadsEachPairOnceAndWritesInBatches() {
        Instant t = clock.instant();
        Statistics statistics = statistics();
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < PAIRS; i++) {
                PairId pair = new PairId("7101", "4917100%05d".formatted(i));
                projector.on(new PermissionRequested(pair, t, "wamid." + i, Channel.TEMPLATE,
                        t.plus(Duration.ofDays(7)), "whatsapp-v1"), 0);
                projector.on(new PermissionRequestDelivered(pair, t, "wamid." + i, t.plus(Duration.ofDays(7)),
                        false), 1);
            }
        });

        assertThat(statistics.getEntityInsertCount()).as("pair, request and two timeline rows per pair")
                .isEqualTo(4L * PAIRS);
        // the pair row is inserted once, with the state after both events (change 11); the request row, inserted
        // by the request, is updated once at flush for the delivery
        assertThat(statistics.getEntityUpdateCount()).as("one update per request row, none per pair row")
                .isEqualTo(PAIRS);
        // a read of the pair and one of its request when each first appears; the writes add a few batch
        // statements, not one per row. With rows that do not know they are new, Spring Data merges each one, a
        // read before every insert: 613 here.
        // The margin is for the processors' own polling, which the statistics count too.
        assertThat(statistics.getPrepareStatementCount()).isLessThan(2L * PAIRS + 40);
        assertThat(pairs.pair(new PairId("7101", "491710000042")).orElseThrow().state())
                .isEqualTo(LedgerState.REQUESTED);
        statistics.setStatisticsEnabled(false);
    }

    private Statistics statistics() {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        return statistics;
    }
}
