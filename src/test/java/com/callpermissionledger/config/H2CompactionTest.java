package com.callpermissionledger.config;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growth H2Compaction exists for: one small commit at a time with WRITE_DELAY=0, as the ledger
 * writes, the same workload once left alone and once compacted on a schedule; and the shipped URL's page
 * compression, the same workload with and without it.
 */
class H2CompactionTest {

    private static final int COMMITS = 2_000;

    @Test
    void compactionKeepsTheFileFromGrowingWithEveryCommit(@TempDir Path dir) throws Exception {
        // RETENTION_TIME=0 lets freed chunks be reused at once, so the test needs no 45 s wait
        long alone = fileSizeAfterWorkload(dir.resolve("alone"), ";WRITE_DELAY=0;RETENTION_TIME=0", false);
        long compacted = fileSizeAfterWorkload(dir.resolve("compacted"), ";WRITE_DELAY=0;RETENTION_TIME=0", true);

        assertThat(compacted).as("compacted %d bytes against %d left alone", compacted, alone)
                .isLessThan(alone / 2);
    }

    @Test
    void theShippedUrlCompressesWhatH2Writes(@TempDir Path dir) throws Exception {
        String shipped = shippedUrlSettings();
        assertThat(shipped).contains(";COMPRESS=TRUE");

        String plainSettings = shipped.replace(";COMPRESS=TRUE", "");
        long plain = fileSizeAfterWorkload(dir.resolve("plain"), plainSettings + ";RETENTION_TIME=0", true);
        long compressed = fileSizeAfterWorkload(dir.resolve("compressed"), shipped + ";RETENTION_TIME=0", true);

        assertThat(compressed).as("compressed %d bytes against %d", compressed, plain).isLessThan(plain * 2 / 3);
    }

    /** What application.yml's H2 URL sets after the file's path, such as {@code ;WRITE_DELAY=0}. */
    private static String shippedUrlSettings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String url = yaml.getObject().getProperty("spring.datasource.url");
        // the shipped URL hands H2's trace to the log, which without Spring's logging set-up prints every statement
        return url.substring(url.indexOf(';')).replace(";TRACE_LEVEL_FILE=4", "");
    }

    private static long fileSizeAfterWorkload(Path dir, String settings, boolean compact) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + settings);
        H2Compaction compaction = new H2Compaction(dataSource,
                new H2CompactionProperties(Duration.ofSeconds(5), 90, 16 * 1024 * 1024, Duration.ZERO));
        try (Connection connection = dataSource.getConnection()) {
            workload(connection, compact ? compaction : null);
            return Files.size(dir.resolve("db.mv.db"));
        }
    }

    /** One small commit at a time, as the ledger writes; {@code compaction} (if any) runs every 200 commits. */
    private static void workload(Connection connection, H2Compaction compaction) throws Exception {
        connection.createStatement().execute("create table event (id bigint primary key, "
                + "stream varchar(255), seq bigint, payload blob, unique (stream, seq))");
        connection.createStatement().execute("create table token (name varchar(64) primary key, position bigint)");
        connection.createStatement().execute("insert into token values ('dashboard', 0)");
        connection.setAutoCommit(false);
        PreparedStatement insert = connection.prepareStatement("insert into event values (?, ?, ?, ?)");
        PreparedStatement advance = connection.prepareStatement("update token set position = ? where name = 'dashboard'");
        for (int i = 0; i < COMMITS; i++) {
            insert.setLong(1, i);
            insert.setString(2, "106540352242922:49151" + (i % 500));
            insert.setLong(3, i / 500);
            insert.setBytes(4, payload(i));
            insert.executeUpdate();
            connection.commit();
            advance.setLong(1, i);
            advance.executeUpdate();
            connection.commit();
            if (compaction != null && i % 200 == 0) {
                compaction.compact();
            }
        }
    }

    /** About 250 bytes shaped like a stored event: JSON whose names repeat and whose values differ. */
    private static byte[] payload(int i) {
        return ("{\"pairId\":\"106540352242922:49151" + (i % 500) + "\",\"wamid\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI"
                + Integer.toHexString(i * 7919) + "\",\"occurredAt\":\"2026-11-29T12:" + (i % 60) + ":" + (i % 59)
                + ".123Z\",\"policy\":\"whatsapp-v1\",\"rule\":\"R" + (i % 9) + "\",\"evidence\":[\"2026-11-2"
                + (i % 9) + "T08:00:00Z\",\"2026-11-2" + (i % 7) + "T09:30:00Z\"],\"channel\":\"TEMPLATE\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
