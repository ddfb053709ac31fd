package com.callpermissionledger.config;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growth H2Compaction exists for: one small commit at a time with WRITE_DELAY=0, as the ledger
 * writes, the same workload once left alone and once compacted on a schedule.
 */
class H2CompactionTest {

    private static final int COMMITS = 2_000;

    @Test
    void compactionKeepsTheFileFromGrowingWithEveryCommit(@TempDir Path dir) throws Exception {
        long alone = fileSizeAfterWorkload(dir.resolve("alone"), false);
        long compacted = fileSizeAfterWorkload(dir.resolve("compacted"), true);

        assertThat(compacted).as("compacted %d bytes against %d left alone", compacted, alone)
                .isLessThan(alone / 2);
    }

    private static long fileSizeAfterWorkload(Path dir, boolean compact) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        // RETENTION_TIME=0 lets freed chunks be reused at once, so the test needs no 45 s wait
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0");
        H2Compaction compaction = new H2Compaction(dataSource,
                new H2CompactionProperties(Duration.ofSeconds(5), 90, 16 * 1024 * 1024, Duration.ZERO));
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("create table event (id bigint primary key, "
                    + "stream varchar(255), seq bigint, payload blob, unique (stream, seq))");
            connection.createStatement().execute("create table token (name varchar(64) primary key, position bigint)");
            connection.createStatement().execute("insert into token values ('dashboard', 0)");
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("insert into event values (?, ?, ?, ?)");
            PreparedStatement advance = connection.prepareStatement("update token set position = ? where name = 'dashboard'");
            byte[] payload = new byte[400];
            for (int i = 0; i < COMMITS; i++) {
                insert.setLong(1, i);
                insert.setString(2, "106540352242922:49151" + (i % 500));
                insert.setLong(3, i / 500);
                insert.setBytes(4, payload);
                insert.executeUpdate();
                connection.commit();
                advance.setLong(1, i);
                advance.executeUpdate();
                connection.commit();
                if (compact && i % 200 == 0) {
                    compaction.compact();
                }
            }
            return Files.size(dir.resolve("db.mv.db"));
        }
    }
}
