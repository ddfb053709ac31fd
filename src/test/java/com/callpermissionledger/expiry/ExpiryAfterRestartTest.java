package com.callpermissionledger.expiry;

import com.callpermissionledger.LedgerApplication;
import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.event.PermissionExpired;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An expiry that fell due while the ledger was down is recorded once it is back, dated at the instant it
 * fell due. The first run grants a permission 200 h in the past (simulated clock) with the sweeper held
 * off; the second run, on the same database with the real clock, must record the expiry by itself. On H2
 * (a file) and on PostgreSQL (a database of the embedded server).
 */
class ExpiryAfterRestartTest {

    private static final PairId PAIR = new PairId("9090", "4917000000001");

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void expiryDueWhileDownIsRecordedAfterRestart(String storage, @TempDir Path dir) throws Exception {
        boolean postgres = storage.equals("postgresql");
        String url = postgres ? "--embedded-postgres.database=expiry_after_restart"
                : "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0";
        String profiles = postgres ? "postgres,embedded-postgres" : "default";
        String key = "--ledger.security.generated-key-file=" + dir.resolve("admin-key.sha256");
        Instant grantedAt = Clock.systemUTC().instant().minus(Duration.ofHours(200)).truncatedTo(ChronoUnit.MILLIS);

        try (ConfigurableApplicationContext before = start(url, key, "--spring.profiles.active=simulation," + profiles,
                "--ledger.simulation.start=" + grantedAt, "--ledger.expiry.sweep-interval=PT1H")) {
            before.getBean(PairLedger.class).handle(new GrantPermission(PAIR, false));
        }

        try (ConfigurableApplicationContext after = start(url, key, "--spring.profiles.active=" + profiles)) {
            EventStore events = after.getBean(EventStore.class);
            Instant due = grantedAt.plus(Duration.ofSeconds(7 * 86_400L));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<PermissionExpired> expired = List.of();
            while (expired.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                expired = events.readEvents(PAIR.value(), 0).asStream()
                        .map(m -> m.getPayload()).filter(PermissionExpired.class::isInstance)
                        .map(PermissionExpired.class::cast).toList();
            }
            assertThat(expired).as("expiry recorded by the sweeper after the restart").hasSize(1);
            assertThat(expired.get(0).occurredAt()).isEqualTo(due);
            assertThat(after.getBean(PairHistory.class).state(PAIR).permission()).isNull();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run(concat(args, "--server.port=0", "--logging.level.root=WARN"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
