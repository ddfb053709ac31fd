package com.callpermissionledger.pair;

import com.callpermissionledger.audit.PairErasure;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairDecider;
import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.state.PairState;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pairs each node keeps folded in memory (PairAggregateCache for commands, PairHistory for status
 * queries) are used only while they are the stored stream's latest state. Events appended behind a node's
 * back, as another node appends them, and an erasure, which moves a stream away, are seen by the next
 * command and the next query.
 */
@SpringBootTest
@ActiveProfiles({"test", "simulation"})
class CachedPairsTest {

    @Autowired
    PairLedger ledger;
    @Autowired
    PairHistory history;
    @Autowired
    PairAggregateCache cache;
    @Autowired
    PairErasure erasure;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    BusinessTermsSource terms;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCommandOnAnUnchangedPairIsServedFromTheCache() {
        PairId pair = new PairId("5061", "4915060000001");
        ledger.handle(new GrantPermission(pair, true, null));
        assertThat(cache.containsKey(pair.value())).isTrue();
        double hits = cacheHits();

        assertThat(ledger.handle(new PlaceCall(pair, "wacid.cached1")).decision()).isInstanceOf(Decision.Recorded.class);

        // at least: a sweeper may decide another pair's due expiry meanwhile, in a context shared with other tests
        assertThat(cacheHits()).isGreaterThanOrEqualTo(hits + 1);
    }

    @Test
    void aCallAnotherNodeRecordedIsKnownToTheNextCommandAndQueryHere() {
        PairId pair = new PairId("5061", "4915060000002");
        ledger.handle(new GrantPermission(pair, true, null));
        assertThat(history.state(pair).calls()).isEmpty();
        double stale = staleCopies();

        appendAsAnotherNode(pair, new PlaceCall(pair, "wacid.elsewhere"));

        assertThat(history.state(pair).calls()).containsKey("wacid.elsewhere");
        assertThat(ledger.handle(new RecordCallOutcome(pair, "wacid.elsewhere", CallOutcome.CONNECTED)).decision())
                .as("an outcome for the call, not UNKNOWN_CALL from a copy that never saw it")
                .isInstanceOf(Decision.Recorded.class);
        assertThat(staleCopies()).isEqualTo(stale + 1);
    }

    @Test
    void afterAnErasureThePairStartsFromNothing() {
        PairId pair = new PairId("5061", "4915060000003");
        ledger.handle(new GrantPermission(pair, true, null));
        ledger.handle(new PlaceCall(pair, "wacid.before"));
        assertThat(history.state(pair).calls()).containsKey("wacid.before");

        assertThat(erasure.erase(pair, "test")).isPresent();

        assertThat(history.state(pair).calls()).isEmpty();
        assertThat(history.state(pair).permission()).isNull();
        assertThat(ledger.handle(new PlaceCall(pair, "wacid.after")).decision())
                .as("no permission survives the erasure").isInstanceOf(Decision.Refused.class);
        assertThat(jdbc.queryForObject("select min(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, pair.value())).isZero();
    }

    /** What another node's command would append: decided on the stored stream, at the next sequence. */
    private void appendAsAnotherNode(PairId pair, PairCommand command) {
        long next = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, pair.value());
        PairState stored = PairEvolution.fold(PairState.EMPTY, history.events(pair));
        var events = PairDecider.decide(stored, command, terms.termsFor(pair.business()), clock.instant()).events();
        assertThat(events).singleElement().isInstanceOf(CallPlaced.class);
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactions);
        unit.execute(() -> eventStore.publish(new GenericDomainEventMessage<>("PairAggregate", pair.value(), next,
                events.get(0))));
    }

    private double cacheHits() {
        return meters.get("cache.gets").tag("cache", "pair-aggregates").tag("result", "hit").functionCounter().count();
    }

    private double staleCopies() {
        return meters.get("ledger.pair.cache.stale").counter().count();
    }
}
