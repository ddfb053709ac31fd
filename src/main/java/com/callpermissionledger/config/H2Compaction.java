package com.callpermissionledger.config;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the H2 file from growing without bound. With {@code WRITE_DELAY=0} (a commit reaches the file
 * before the answer) H2 writes a new chunk per commit and never starts the background thread that would
 * rewrite half-empty chunks (h2database issue #442), so a file grew by about 40 KB per command. This
 * does that thread's work on a schedule: chunks below the fill rate are rewritten, and their space is
 * reused once the retention time has passed. H2's own 45 s kept 45 s of chunk writes in the file under load
 * (about 1 GB), so the ledger sets a shorter one (docs/operations.md, Disk). Durability against a killed
 * process is unchanged: rewriting is itself a commit.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
public class H2Compaction implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final H2CompactionProperties properties;

    public H2Compaction(DataSource dataSource, H2CompactionProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** Set once the context starts closing: the database is about to close, and compacting then disturbs it. */
    private volatile boolean closing;

    @EventListener(ContextClosedEvent.class)
    public void stop() {
        closing = true;
    }

    /** Scheduled from the validated properties, so the interval and its default are read in one place. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::compact, properties.compactionInterval());
    }

    public synchronized void compact() {
        if (closing) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            if (store != null && !store.isClosed()) {
                store.setRetentionTime((int) properties.retentionTime().toMillis());
                if (!log.isDebugEnabled()) {
                    store.compact(properties.fillRate(), properties.writeLimitBytes());
                    return;
                }
                // the fill rates walk every chunk, so they are read only for the log
                int before = store.getFillRate();
                int liveBefore = store.getFileStore().getChunksFillRate();
                long started = System.nanoTime();
                boolean rewrote = store.compact(properties.fillRate(), properties.writeLimitBytes());
                log.debug("H2 file {} % in chunks, {} % of them live; rewritten: {} in {} ms; now {} %, {} %", before,
                        liveBefore, rewrote, (System.nanoTime() - started) / 1_000_000, store.getFillRate(),
                        store.getFileStore().getChunksFillRate());
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 compaction skipped: {}", e.toString());
        }
    }

    static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        var session = connection.unwrap(JdbcConnection.class).getSession();
        return session instanceof SessionLocal local ? local.getDatabase().getStore().getMvStore() : null;
    }
}
