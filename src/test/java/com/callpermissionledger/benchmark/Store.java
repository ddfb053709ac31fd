package com.callpermissionledger.benchmark;

import com.callpermissionledger.storage.EmbeddedPostgresDatabase;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** The two stores every cell runs on, each with its production durability. */
enum Store {

    /**
     * An H2 file with the shipped URL's settings: {@code WRITE_DELAY=0}, a commit is in the file before the answer;
     * {@code COMPRESS=TRUE}, pages compressed ({@code -Dbenchmark.h2-compress=false} turns it off, as H2 refuses a
     * setting given twice); {@code -Dbenchmark.h2-settings} appends more, to compare them.
     */
    H2 {
        @Override
        List<String> nodeArguments(Path dir, String database) {
            return List.of("--spring.profiles.active=test", "--spring.datasource.url=" + jdbcUrl(dir, database));
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        String jdbcUrl(Path dir, String database) {
            String compress = Boolean.parseBoolean(System.getProperty("benchmark.h2-compress", "true")) ? "TRUE" : "FALSE";
            return "jdbc:h2:file:" + dir.resolve(database) + ";WRITE_DELAY=0;COMPRESS=" + compress
                    + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4" + System.getProperty("benchmark.h2-settings", "");
        }
    },

    /** PostgreSQL: the embedded server on loopback, with fsync and synchronous commit on (see {@link LedgerBenchmark}). */
    POSTGRESQL {
        @Override
        List<String> nodeArguments(Path dir, String database) {
            return List.of("--spring.profiles.active=test,postgres,embedded-postgres",
                    "--embedded-postgres.database=" + database);
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        String jdbcUrl(Path dir, String database) throws SQLException {
            return EmbeddedPostgresDatabase.jdbcUrl(database);
        }
    };

    /** Arguments that start a ledger node on a new database of this store. */
    abstract List<String> nodeArguments(Path dir, String database);

    abstract String user();

    /** A new database of this store for a process that is not a ledger node (the untuned baseline). */
    abstract String jdbcUrl(Path dir, String database) throws SQLException;
}
