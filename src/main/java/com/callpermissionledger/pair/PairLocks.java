package com.callpermissionledger.pair;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the commands of one stream (a pair, or a business's settings, the policy register, a webhook
 * change log), keyed by its aggregate id. In this JVM: a fair lock striped by stream, held around the whole
 * transaction (commit included), so one node never makes two database connections wait for the same stream.
 * Across nodes (PostgreSQL): {@code pg_advisory_xact_lock} on the stream, taken inside the command's
 * transaction before the aggregate is loaded and released by its commit or rollback. H2 runs in one
 * process, so the JVM lock is the whole story there. Two streams whose keys share a stripe or a hash only
 * wait for each other; they are never decided wrongly.
 */
@Component
public class PairLocks {

    /** The first key of the two-key advisory lock: the ledger's streams, apart from other advisory lock users. */
    static final int PAIR_NAMESPACE = 0x50414952;
    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public PairLocks(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** The lock of this node for the stream, or null if it was not free within {@code waitNanos}. */
    ReentrantLock local(String stream, long waitNanos) throws InterruptedException {
        ReentrantLock lock = stripes[Math.floorMod(stream.hashCode(), STRIPES)];
        return lock.tryLock(Math.max(0, waitNanos), TimeUnit.NANOSECONDS) ? lock : null;
    }

    /**
     * Takes the stream's database lock in the current transaction, waiting at most {@code waitMillis}; a
     * timeout surfaces as Spring's {@code PessimisticLockingFailureException}. String.hashCode is specified,
     * so every node computes the same key.
     */
    void inTransaction(String stream, long waitMillis) {
        if (!postgres) {
            return;
        }
        jdbc.execute("set local lock_timeout = " + Math.max(1, waitMillis));
        jdbc.queryForObject("select 1 from (select pg_advisory_xact_lock(?, ?)) l", Integer.class,
                PAIR_NAMESPACE, stream.hashCode());
        jdbc.execute("set local lock_timeout to default");
    }
}
