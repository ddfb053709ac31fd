package com.callpermissionledger.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/** What the database underneath can do at best: one event-sized row, with an event table's unique keys, per commit. */
final class StorageLimit {

    static final String SECTION = "storage limit";

    private final DataSource dataSource;
    private final byte[] payload = new byte[250];

    StorageLimit(DataSource dataSource) {
        this.dataSource = dataSource;
        Arrays.fill(payload, (byte) 'x');
    }

    void prepare() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            c.createStatement().execute("create table if not exists bench_event (id "
                    + (postgres ? "bigserial" : "bigint auto_increment") + " primary key, "
                    + "aggregate_identifier varchar(255) not null, sequence_number bigint not null, "
                    + "event_identifier varchar(255) not null, payload " + (postgres ? "bytea" : "binary varying")
                    + " not null, unique (aggregate_identifier, sequence_number))");
        }
    }

    void insertOne(long n) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into bench_event "
                     + "(aggregate_identifier, sequence_number, event_identifier, payload) values (?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            insert.setString(1, "77002:" + n);
            insert.setLong(2, 0);
            insert.setString(3, "bench-" + n);
            insert.setBytes(4, payload);
            insert.executeUpdate();
        }
    }

    /** The limit's rows are not the ledger's: dropped once measured, so the disk section weighs the ledger alone. */
    void drop() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("drop table bench_event");
        }
    }
}
