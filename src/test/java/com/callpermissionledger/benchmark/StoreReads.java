package com.callpermissionledger.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** What the store holds, read with plain JDBC: the event count, a raw read of every event, and its size on disk. */
final class StoreReads {

    record RawRead(long events, long bytes, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    private final DataSource dataSource;

    StoreReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long events() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every event in global order, payload and metadata fetched, as a tracking processor reads them. */
    RawRead readAll() throws Exception {
        long start = System.nanoTime();
        long events = 0;
        long bytes = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1_000);
                try (ResultSet r = s.executeQuery("select global_index, payload_type, payload, meta_data "
                        + "from domain_event_entry order by global_index")) {
                    while (r.next()) {
                        events++;
                        byte[] meta = r.getBytes(4);
                        bytes += r.getBytes(3).length + (meta == null ? 0 : meta.length);
                    }
                }
            }
            c.commit();
        }
        return new RawRead(events, bytes, (System.nanoTime() - start) / 1e9);
    }

    /** H2's counter {@code info.NAME} (such as {@code FILE_WRITE}, the writes to its file since it opened). */
    long h2Counter(String name) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select setting_value from information_schema.settings where setting_name = 'info." + name + "'")) {
            return r.next() ? Long.parseLong(r.getString(1)) : -1;
        }
    }

    /** H2: how full its file and its chunks are, as {@code INFORMATION_SCHEMA.SETTINGS} reports them. */
    String h2FileInfo() throws Exception {
        StringBuilder info = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select setting_name, setting_value from information_schema.settings where setting_name in "
                     + "('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE', 'info.CHUNK_COUNT', 'info.PAGE_SIZE', "
                     + "'info.FILE_WRITE', 'info.FILE_WRITE_BYTES') "
                     + "order by setting_name")) {
            while (r.next()) {
                info.append(info.isEmpty() ? "" : ", ").append(r.getString(1).substring(5)).append('=').append(r.getString(2));
            }
        }
        return info.toString();
    }

    /**
     * PostgreSQL: the {@code limit} largest tables with their indexes and TOAST, and the row versions vacuum has
     * not yet reclaimed; H2: null (it has no size per table).
     */
    String postgresLargestTables(int limit) throws Exception {
        if (postgresDatabaseBytes() == null) {
            return null;
        }
        var tables = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select relname, pg_total_relation_size(relid), n_live_tup, n_dead_tup "
                     + "from pg_stat_user_tables order by 2 desc limit " + limit)) {
            while (r.next()) {
                tables.append(tables.isEmpty() ? "" : "; ").append(String.format("%s %,.1f MiB (%,d rows, %,d dead)",
                        r.getString(1), r.getLong(2) / 1048576.0, r.getLong(3), r.getLong(4)));
            }
        }
        return tables.toString();
    }

    /**
     * PostgreSQL: where a table's bytes are: heap, indexes and TOAST, the average row as stored, and the average
     * stored size of each of {@code columns} beside its uncompressed length; H2: null.
     */
    String postgresRowComposition(String table, String... columns) throws Exception {
        if (postgresDatabaseBytes() == null) {
            return null;
        }
        var select = new StringBuilder("select pg_relation_size('" + table + "'), pg_indexes_size('" + table
                + "'), pg_total_relation_size('" + table + "'), count(*), avg(pg_column_size(t.*))");
        for (String column : columns) {
            select.append(", avg(pg_column_size(").append(column).append(")), avg(octet_length(").append(column).append("))");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(select.append(" from ").append(table).append(" t").toString())) {
            r.next();
            long heap = r.getLong(1);
            long indexes = r.getLong(2);
            var text = new StringBuilder(String.format("%s: heap %,.1f MiB, indexes %,.1f MiB, TOAST %,.1f MiB; "
                    + "%,d rows of %,.0f bytes on average", table, heap / 1048576.0, indexes / 1048576.0,
                    (r.getLong(3) - heap - indexes) / 1048576.0, r.getLong(4), r.getDouble(5)));
            for (int i = 0; i < columns.length; i++) {
                text.append(String.format(", %s %,.0f bytes stored (%,.0f long)", columns[i], r.getDouble(6 + 2 * i),
                        r.getDouble(7 + 2 * i)));
            }
            return text.toString();
        }
    }

    /** PostgreSQL: the database's size; H2: null (the file is measured on disk). */
    Long postgresDatabaseBytes() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                return null;
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select pg_database_size(current_database())")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
