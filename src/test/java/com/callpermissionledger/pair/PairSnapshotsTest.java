package com.callpermissionledger.pair;

import com.callpermissionledger.audit.PairErasure;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.state.PairState;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots ({@code ledger.snapshots.every-events}, 100 by default): taken in the transaction of the command
 * that crossed the count, equal to the fold of the events they cover, and used only while the stored event
 * at their sequence is the one they folded last and their format is current.
 */
@SpringBootTest
@ActiveProfiles({"test", "simulation"})
class PairSnapshotsTest {

    private static final String SNAPSHOT = "select * from snapshot_event_entry where aggregate_identifier = ?";

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
    JdbcTemplate jdbc;
    @Autowired
    PairSnapshotProperties properties;
    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void theCommandThatCrossesTheCountLeavesASnapshotOfTheFoldItCovers() {
        PairId pair = new PairId("5062", "4915060000001");
        grantAndCallPastTheCount(pair);

        DomainEventMessage<?> first = eventStore.readEvents(pair.value()).next();

        assertThat(first.getPayload()).isInstanceOf(PairAggregate.class);
        PairAggregate snapshot = (PairAggregate) first.getPayload();
        var covered = history.events(pair).subList(0, (int) first.getSequenceNumber() + 1);
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(properties.everyEvents() - 1);
        assertThat(snapshot.state()).isEqualTo(PairEvolution.fold(PairState.EMPTY, covered));
        assertThat(snapshot.state().permission()).isNotNull();
        assertThat(snapshot.lastEventId()).isEqualTo(jdbc.queryForObject("select event_identifier from"
                + " domain_event_entry where aggregate_identifier = ? and sequence_number = ?", String.class,
                pair.value(), first.getSequenceNumber()));
    }

    @Test
    void aPairNotInMemoryIsDecidedFromItsSnapshotAsFromItsWholeHistory() {
        PairId pair = new PairId("5062", "4915060000002");
        grantAndCallPastTheCount(pair);
        cache.removeAll();

        Decision next = ledger.handle(new PlaceCall(pair, "wacid.next")).decision();

        assertThat(next).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused) next).refusal().code()).isEqualTo(RefusalCode.CALL_LIMIT_24H);
        assertThat(history.state(pair)).isEqualTo(PairEvolution.fold(PairState.EMPTY, history.events(pair)));
    }

    @Test
    void aShortPairNotInMemoryIsFoldedFromItsEventsWithoutAskingForASnapshot() {
        PairId pair = new PairId("5062", "4915060000007");
        ledger.handle(new GrantPermission(pair, true, null));
        ledger.handle(new PlaceCall(pair, "wacid.short"));

        List<String> queries = queriesDuring(() -> assertThat(history.state(pair))
                .isEqualTo(PairEvolution.fold(PairState.EMPTY, history.events(pair))));

        assertThat(queries).isNotEmpty().noneMatch(q -> q.contains("SnapshotEventEntry"));
    }

    @Test
    void aLongPairNotInMemoryIsFoldedFromItsSnapshot() {
        PairId pair = new PairId("5062", "4915060000008");
        grantAndCallPastTheCount(pair);

        List<String> queries = queriesDuring(() -> history.state(pair));

        assertThat(queries).anyMatch(q -> q.contains("SnapshotEventEntry"));
    }

    @Test
    void aSnapshotOfAnOlderFormatIsIgnored() {
        PairId pair = new PairId("5062", "4915060000003");
        grantAndCallPastTheCount(pair);

        jdbc.update("update snapshot_event_entry set payload_revision = '0' where aggregate_identifier = ?",
                pair.value());

        assertThat(eventStore.readEvents(pair.value()).next().getSequenceNumber()).isZero();
    }

    @Test
    void aSnapshotThatDoesNotReadAsAPairIsIgnored() {
        PairId pair = new PairId("5062", "4915060000005");
        grantAndCallPastTheCount(pair);

        jdbc.update("update snapshot_event_entry set payload = ? where aggregate_identifier = ?",
                "{\"state\":\"granted\"}".getBytes(StandardCharsets.UTF_8), pair.value());

        assertThat(eventStore.readEvents(pair.value()).next().getSequenceNumber()).isZero();
        cache.removeAll();
        assertThat(ledger.handle(new PlaceCall(pair, "wacid.next")).decision()).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void aSnapshotThatOutlivedAnErasureIsIgnored() {
        PairId pair = new PairId("5062", "4915060000004");
        grantAndCallPastTheCount(pair);
        Map<String, Object> snapshot = jdbc.queryForMap(SNAPSHOT, pair.value());
        assertThat(erasure.erase(pair, "test")).isPresent();
        assertThat(jdbc.queryForList(SNAPSHOT, pair.value())).isEmpty();

        // as a snapshot written in a race with the erasure would be
        jdbc.update("insert into snapshot_event_entry (" + String.join(", ", snapshot.keySet()) + ") values ("
                + String.join(", ", snapshot.keySet().stream().map(column -> "?").toList()) + ")",
                snapshot.values().toArray());
        cache.removeAll();

        Decision after = ledger.handle(new PlaceCall(pair, "wacid.after")).decision();

        assertThat(after).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused) after).refusal().code())
                .as("no permission, not the call cap of the erased history").isEqualTo(RefusalCode.NO_PERMISSION);
        assertThat(history.state(pair).permission()).isNull();
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, pair.value())).isZero();
    }

    @Test
    void aPairsLatestSnapshotIsFoundThroughAnIndexThatStartsWithItsAggregateId() throws Exception {
        List<String> leading = new ArrayList<>();
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            for (String table : List.of("snapshot_event_entry", "SNAPSHOT_EVENT_ENTRY")) {
                try (ResultSet index = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (index.next()) {
                        if (index.getShort("ORDINAL_POSITION") == 1) {
                            leading.add(index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }

        assertThat(leading).as("Axon's read and delete of a pair's snapshots filter by aggregate id")
                .contains("aggregate_identifier");
    }

    /** The queries Hibernate ran (as written, JPQL) while {@code action} ran. */
    private List<String> queriesDuring(Runnable action) {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            action.run();
            return List.of(statistics.getQueries());
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /** A grant, then calls until the cap refuses them, each refusal an event, past the snapshot count. */
    private void grantAndCallPastTheCount(PairId pair) {
        ledger.handle(new GrantPermission(pair, true, null));
        for (int i = 0; i < properties.everyEvents() + 5; i++) {
            ledger.handle(new PlaceCall(pair, "wacid.s" + i));
        }
        assertThat(jdbc.queryForList(SNAPSHOT, pair.value())).hasSize(1);
    }
}
