package com.callpermissionledger.storage;

import com.callpermissionledger.config.EventIdentifiersNotUnique;
import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger on H2 keeps payloads, metadata and tokens inline (H2InlineBinaryDialect), never in H2's LOB
 * store, and the V5 migration converts a store written before it without losing a byte; migration 9 leaves event
 * identifiers without a unique index and a pair's sequence with one.
 */
@SpringBootTest
@ActiveProfiles({"test", "simulation"})
class H2StorageTest {

    private static final PairId PAIR = new PairId("5051", "4915050000002");
    private static final List<String> BINARY_COLUMNS = List.of("domain_event_entry.payload",
            "domain_event_entry.meta_data", "snapshot_event_entry.payload", "token_entry.token",
            "saga_entry.serialized_saga", "dead_letter_entry.payload");

    @Autowired
    PairLedger ledger;
    @Autowired
    PairHistory history;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAreStoredInlineAndReadBack() {
        assertThat(ledger.handle(new SendPermissionRequest(PAIR, "wamid.h2inline", Channel.TEMPLATE)).decision())
                .isInstanceOf(Decision.Recorded.class);

        assertThat(history.state(PAIR).requests()).containsKey("wamid.h2inline");
        for (String column : BINARY_COLUMNS) {
            assertThat(typeOf(jdbc, column)).as(column).isEqualTo("BINARY VARYING");
        }
    }

    @Test
    void theMigrationKeepsEveryByteOfAStoreWrittenWithBlobs() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:h2-storage-migration;DB_CLOSE_DELAY=-1");
        var before = Flyway.configure().dataSource(dataSource).target("4.16")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
        before.migrate();
        JdbcTemplate old = new JdbcTemplate(dataSource);
        assertThat(typeOf(old, "domain_event_entry.payload")).isEqualTo("BINARY LARGE OBJECT");
        byte[] payload = "{\"pairId\":\"5051:4915050000002\"}".repeat(40).getBytes();
        old.update("insert into domain_event_entry (global_index, event_identifier, meta_data, payload, "
                        + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                        + "values (1, 'e-1', ?, ?, 'PermissionRequested', '2026-11-28T00:00:00Z', 'a', 0, 'PairAggregate')",
                new byte[]{1, 2, 3}, payload);

        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();

        assertThat(typeOf(old, "domain_event_entry.payload")).isEqualTo("BINARY VARYING");
        assertThat(old.queryForObject("select payload from domain_event_entry", byte[].class)).isEqualTo(payload);
        assertThat(old.queryForObject("select meta_data from domain_event_entry", byte[].class))
                .isEqualTo(new byte[]{1, 2, 3});
    }

    @Test
    void migrationNineDropsOnlyTheUniqueIndexesOnEventIdentifiers() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:h2-storage-migration-9;DB_CLOSE_DELAY=-1");
        EventIdentifiersNotUnique migration = new EventIdentifiersNotUnique();
        Flyway.configure().dataSource(dataSource).target("8").javaMigrations(migration)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        try (var connection = dataSource.getConnection()) {
            assertThat(EventIdentifiersNotUnique.uniqueOnEventIdentifier(connection))
                    .extracting(found -> found[0]).containsExactlyInAnyOrder("DOMAIN_EVENT_ENTRY", "SNAPSHOT_EVENT_ENTRY");
        }

        Flyway.configure().dataSource(dataSource).javaMigrations(migration)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();

        try (var connection = dataSource.getConnection()) {
            assertThat(EventIdentifiersNotUnique.uniqueOnEventIdentifier(connection)).isEmpty();
        }
        JdbcTemplate migrated = new JdbcTemplate(dataSource);
        String insert = "insert into domain_event_entry (global_index, event_identifier, payload, payload_type, time_stamp,"
                + " aggregate_identifier, sequence_number, type) values (?, 'e-1', X'01', 'PermissionRequested',"
                + " '2026-11-28T00:00:00Z', 'a', ?, 'PairAggregate')";
        migrated.update(insert, 1, 0);
        migrated.update(insert, 2, 1);
        assertThatThrownBy(() -> migrated.update(insert, 3, 1)).as("a pair's sequence stays unique")
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theLedgersSchemaHasNoUniqueIndexOnEventIdentifiers() throws Exception {
        try (var connection = jdbc.getDataSource().getConnection()) {
            assertThat(EventIdentifiersNotUnique.uniqueOnEventIdentifier(connection)).isEmpty();
        }
    }

    private static String typeOf(JdbcTemplate jdbc, String tableAndColumn) {
        String[] parts = tableAndColumn.split("\\.");
        return jdbc.queryForObject("select data_type from information_schema.columns where lower(table_name) = ?"
                + " and lower(column_name) = ?", String.class, parts[0], parts[1]);
    }
}
