package com.callpermissionledger.storage;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V7 drops the timeline table (the timeline is read from the events) and keeps the refused permission requests
 * the business summary counts, so a store written before it needs no rebuild. On both databases.
 */
class TimelineMigrationTest {

    @Test
    void h2KeepsTheRefusedRequests() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:timeline-migration;DB_CLOSE_DELAY=-1");
        migrate(h2, "h2");
    }

    @Test
    void postgresqlKeepsTheRefusedRequests() throws Exception {
        migrate(new DriverManagerDataSource(EmbeddedPostgresDatabase.jdbcUrl("timeline_migration"), "postgres", ""),
                "postgresql");
    }

    private static void migrate(DataSource dataSource, String vendor) {
        String[] locations = {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
        Flyway.configure().dataSource(dataSource).locations(locations).target("6").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into dashboard_pair (pair_id, business, user_id, base_state, consecutive_unanswered,"
                + " warning, expired_requests, pair_state) values ('7701:491770000001', '7701', '491770000001',"
                + " 'REQUESTED', 0, false, 0, '{}')");
        jdbc.update("insert into dashboard_timeline (pair_id, sequence_number, occurred_at, kind, text, rule) values"
                + " ('7701:491770000001', 0, timestamp with time zone '2026-11-29 08:00:00+00', 'PermissionRequested',"
                + " 'Permission request wamid.1 sent (template).', null),"
                + " ('7701:491770000001', 1, timestamp with time zone '2026-11-29 08:01:00+00', 'PermissionRequestRefused',"
                + " 'Permission request wamid.2 refused (R-REQUEST-24H).', 'R-REQUEST-24H')");

        Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();

        List<Map<String, Object>> refused = jdbc.queryForList("select pair_id, sequence_number, business, rule"
                + " from dashboard_refused_request");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0)).containsValues("7701:491770000001", "7701", "R-REQUEST-24H");
        assertThat(((Number) refused.get(0).get("sequence_number")).longValue()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
                + " where lower(table_name) = 'dashboard_timeline'", Long.class)).as("the timeline table").isZero();
    }
}
