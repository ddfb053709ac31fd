package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.time.SimulatedClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A pair row is written once, when its batch commits: what a batch folded is seen by its later events and by
 * the batches after it, and nothing of a batch that rolled back. Same context as {@link DashboardProjectionTest}.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:projection;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "simulation"})
class FoldedPairRowsTest {

    @Autowired
    DashboardProjector projector;
    @Autowired
    DashboardQueries pairs;
    @Autowired
    ActivityQueries activity;
    @Autowired
    SimulatedClock clock;
    @Autowired
    TransactionTemplate tx;

    private PermissionRequested requested(PairId pair, Instant t, String message) {
        return new PermissionRequested(pair, t, message, Channel.TEMPLATE, t.plus(Duration.ofDays(7)), "whatsapp-v1");
    }

    /** Each test has one pair, so one sequence; JUnit makes a new instance per test. */
    private long sequence;

    private void batch(boolean commit, PairEvent... events) {
        tx.executeWithoutResult(status -> {
            sequence = Batch.of(events).foldInto(projector, sequence);
            if (!commit) {
                status.setRollbackOnly();
            }
        });
    }

    @Test
    void aLaterEventOfTheBatchFoldsOnTheStateAnEarlierOneLeft() {
        Instant t = clock.instant();
        PairId pair = new PairId("7201", "491720000001");

        batch(true, requested(pair, t, "wamid.a"), requested(pair, t.plusSeconds(1), "wamid.b"),
                new PermissionRequestDelivered(pair, t.plusSeconds(2), "wamid.b", t.plus(Duration.ofDays(7)), false));

        PairItem item = pairs.pair(pair).orElseThrow();
        assertThat(item.state()).isEqualTo(LedgerState.REQUESTED);
        assertThat(item.lastActivityAt()).isEqualTo(t.plusSeconds(2));
        assertThat(item.requests24h()).as("both requests in the folded state").isEqualTo(2);
        assertThat(activity.requests("7201", "491720000001", null, 0, 10).items())
                .extracting(RequestItem::requestId, RequestItem::deliveredAt)
                .containsExactlyInAnyOrder(tuple("wamid.a", null), tuple("wamid.b", t.plusSeconds(2)));
    }

    @Test
    void theNextBatchStartsFromTheRowTheLastOneCommitted() {
        Instant t = clock.instant();
        PairId pair = new PairId("7201", "491720000002");

        batch(true, requested(pair, t, "wamid.a"));
        batch(true, requested(pair, t.plusSeconds(1), "wamid.b"));

        assertThat(pairs.pair(pair).orElseThrow().requests24h()).isEqualTo(2);
    }

    @Test
    void aBatchOfStoredAndNewPairsFoldsEachOnItsOwnRow() {
        Instant t = clock.instant();
        PairId stored = new PairId("7201", "491720000005");
        PairId fresh = new PairId("7201", "491720000006");
        batch(true, requested(stored, t, "wamid.a"));

        batch(true, requested(fresh, t.plusSeconds(1), "wamid.b"), requested(stored, t.plusSeconds(2), "wamid.c"),
                requested(fresh, t.plusSeconds(3), "wamid.d"));

        assertThat(pairs.pair(stored).orElseThrow().requests24h()).as("the stored row's request and the new one")
                .isEqualTo(2);
        assertThat(pairs.pair(fresh).orElseThrow().requests24h()).isEqualTo(2);
        assertThat(activity.requests("7201", "491720000005", null, 0, 10).items())
                .extracting(RequestItem::requestId).containsExactlyInAnyOrder("wamid.a", "wamid.c");
    }

    @Test
    void aBatchThatRolledBackLeavesNoRowAndNoStateForTheNext() {
        Instant t = clock.instant();
        PairId pair = new PairId("7201", "491720000003");

        batch(false, requested(pair, t, "wamid.lost"));
        assertThat(pairs.pair(pair)).isEmpty();

        batch(true, requested(pair, t.plusSeconds(1), "wamid.kept"));
        assertThat(pairs.pair(pair).orElseThrow().requests24h())
                .as("the rolled-back request is not in the state folded after it").isEqualTo(1);
    }

    @Test
    void foldingOutsideATransactionIsRefusedRatherThanLost() {
        PairId pair = new PairId("7201", "491720000004");

        assertThatIllegalStateException()
                .isThrownBy(() -> Batch.of(requested(pair, clock.instant(), "wamid.x")).foldInto(projector, 0))
                .withMessageContaining("transaction");
    }
}
