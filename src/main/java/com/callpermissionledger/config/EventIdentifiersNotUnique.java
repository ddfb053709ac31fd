package com.callpermissionledger.config;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 9: event and snapshot identifiers lose their unique index. Axon declares them unique, but nothing
 * looks an event up by its identifier (a pair's stream is read by aggregate and sequence, processors by global
 * index, audits by pair, time or global index), and that index, keyed by random UUIDs, was about a seventh of
 * the bytes H2 writes per commit (docs/performance.md, change 24). A Java migration because H2 names the
 * constraint itself: it is found by its column, the same way on H2 and PostgreSQL.
 */
@Component
public class EventIdentifiersNotUnique implements JavaMigration {

    private static final String UNIQUE_ON_EVENT_IDENTIFIER = """
            select c.table_name, c.constraint_name
            from information_schema.table_constraints c
            join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema
                and k.constraint_name = c.constraint_name and k.table_name = c.table_name
            where c.constraint_type = 'UNIQUE' and c.table_schema = current_schema
                and lower(c.table_name) in ('domain_event_entry', 'snapshot_event_entry')
                and lower(k.column_name) = 'event_identifier'
            """;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "event identifiers not unique";
    }

    /** None, as for Flyway's own Java migrations: there is no script whose edits a checksum would catch. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement drop = connection.createStatement()) {
            for (String[] constraint : uniqueOnEventIdentifier(connection)) {
                drop.execute("alter table \"" + constraint[0] + "\" drop constraint \"" + constraint[1] + "\"");
            }
        }
    }

    /** Each as {table, constraint}, exactly as the database spells them. */
    public static List<String[]> uniqueOnEventIdentifier(Connection connection) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(UNIQUE_ON_EVENT_IDENTIFIER);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return found;
    }
}
