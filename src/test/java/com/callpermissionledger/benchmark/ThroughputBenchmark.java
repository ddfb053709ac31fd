package com.callpermissionledger.benchmark;

import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.CallOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger throughput beside the storage limit, in one run on one H2 file database with the production
 * settings (WRITE_DELAY=0). Not part of {@code verify}: run it with
 * {@code ./mvnw -B test -Dtest=ThroughputBenchmark -Dsurefire.excludedGroups=none}. Figures go to
 * {@code target/benchmark.md} and, by hand, to docs/performance.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class ThroughputBenchmark {

    static final String KEY = "benchmark-admin-key";
    private static final long CELL_MILLIS = Long.getLong("benchmark.cell-millis", 8000);

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("ledger-benchmark");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0");
        registry.add("ledger.security.api-keys[0].key", () -> KEY);
        registry.add("ledger.security.api-keys[0].role", () -> "ADMIN");
        registry.add("ledger.security.rate-limit.per-second", () -> "1000000");
    }

    @Autowired
    PairLedger ledger;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    /** Where the figures go; a subclass measuring another store names its own file. */
    protected String reportName() {
        return "benchmark.md";
    }

    @Test
    void measure() throws Exception {
        StorageLimit storage = new StorageLimit(dataSource);
        storage.prepare();
        HttpLoad http = new HttpLoad(port);
        List<String> rows = new ArrayList<>();
        for (int threads : new int[]{1, 8}) {
            rows.add(row("plain JDBC: one ~250-byte event row per commit (the storage limit)", threads,
                    Load.run(threads, CELL_MILLIS, storage::insertOne)));
            rows.add(row("ledger command via the command bus (grant, call, outcome on fresh pairs)", threads,
                    Load.run(threads, CELL_MILLIS, this::ledgerCommand)));
            rows.add(row("ledger command over HTTP (POST .../calls on granted pairs)", threads,
                    Load.run(threads, CELL_MILLIS, http::placeCall)));
        }
        String table = "| what | threads | operations/s | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target", reportName()), table);
        assertThat(rows).hasSize(6);
    }

    /** Three commands per cycle on a pair of its own, cycling through grant, place, outcome. */
    private void ledgerCommand(long n) {
        PairId pair = new PairId("77001", Long.toString(n / 3));
        Decision decision = switch ((int) (n % 3)) {
            case 0 -> ledger.handle(new GrantPermission(pair, false)).decision();
            case 1 -> ledger.handle(new PlaceCall(pair, "wacid." + n)).decision();
            default -> ledger.handle(new RecordCallOutcome(pair, "wacid." + (n - 1), CallOutcome.CONNECTED)).decision();
        };
        if (!(decision instanceof Decision.Recorded)) {
            throw new IllegalStateException("benchmark command not recorded: " + decision);
        }
    }

    private static String row(String what, int threads, Load.Result r) {
        return String.format("| %s | %d | %,.0f | %.2f | %.2f |", what, threads, r.perSecond(), r.p50Millis(),
                r.p99Millis());
    }
}
