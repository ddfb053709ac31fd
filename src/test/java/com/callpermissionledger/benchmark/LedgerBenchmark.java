package com.callpermissionledger.benchmark;

import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.storage.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one benchmark command (docs/performance.md): {@code ./mvnw -B test -Pbenchmark}. On each store in
 * turn, one ledger node on a new database: the storage limit and the mix at 1, 8 and 64 clients, long
 * histories, a million pairs (replay, heap, status queries), the sustained-load disk run; then the untuned
 * baseline on a new database of the same store. The report is rewritten after each store, in
 * {@code target/benchmark/ledger-benchmark.json} and {@code .md}. Not part of {@code verify}.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final Path REPORT = Path.of("target", "benchmark");

    @Test
    void measure() throws Exception {
        // the embedded server's test defaults turn fsync off; the figures are for production durability
        System.setProperty(EmbeddedPostgresDatabase.DURABLE, "true");
        BenchmarkScale scale = BenchmarkScale.fromSystemProperties();
        BenchmarkReport report = new BenchmarkReport(scale, Clock.systemUTC().instant());
        List<Store> stores = Arrays.stream(System.getProperty("benchmark.stores", "H2,POSTGRESQL").split(","))
                .map(Store::valueOf).toList();
        for (Store store : stores) {
            run(store, scale, report);
            report.write(REPORT);
        }
        assertThat(REPORT.resolve("ledger-benchmark.md")).content().contains(CommandCells.COMMANDS_ONLY,
                BaselineCells.SECTION, GrowthCells.SECTION, StatusQueryCells.SECTION, DiskRun.SECTION);
    }

    private static void run(Store store, BenchmarkScale scale, BenchmarkReport report) throws Exception {
        Path dir = Files.createTempDirectory("ledger-benchmark-" + store.name().toLowerCase());
        String run = Long.toString(System.currentTimeMillis());
        String database = store == Store.H2 ? "ledger" : "ledger_" + run;
        Path h2File = store == Store.H2 ? dir.resolve("ledger.mv.db") : null;
        DiskRun disk = new DiskRun(scale, report);
        long largest;
        BusinessTerms terms;
        try (BenchmarkNode node = BenchmarkNode.start(store.nodeArguments(dir, database))) {
            new CommandCells(scale, report).run(store, node);
            new GrowthCells(scale, report).run(store, node);
            new StatusQueryCells(scale, report).run(store, node);
            largest = disk.run(store, node, h2File);
            terms = node.bean(BusinessTermsSource.class).termsFor("77105");
        }
        if (h2File != null) {
            disk.compacted(store, store.jdbcUrl(dir, database), h2File, largest);
        }
        new BaselineCells(scale, report).run(store, store.jdbcUrl(dir, "baseline_" + run), store.user(), terms);
        // H2's files are hundreds of MB at full scale; nothing reads them after the run
        FileSystemUtils.deleteRecursively(dir);
    }
}
