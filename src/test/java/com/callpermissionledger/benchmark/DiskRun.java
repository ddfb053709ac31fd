package com.callpermissionledger.benchmark;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained load on one store: the mix through the gateway at 8 clients for {@code diskMillis}, as fast as
 * the ledger goes or paced at {@code diskRate} operations a second (a load below the limit), the size on
 * disk sampled every 5 s (the H2 file, or PostgreSQL's database size), then again after {@code idleMillis}
 * without load; bytes per event are the size after the idle time over every event in the store. On PostgreSQL
 * the largest tables are listed too, with the row versions not yet vacuumed.
 */
record DiskRun(BenchmarkScale scale, BenchmarkReport report) {

    static final String SECTION = "disk";
    private static final int CLIENTS = 8;

    /** {@code h2File}: the H2 file to measure, or null on PostgreSQL. Answers the largest size seen during the load. */
    long run(Store store, BenchmarkNode node, Path h2File) throws Exception {
        StoreReads reads = new StoreReads(node.bean(DataSource.class));
        AtomicLong largest = new AtomicLong();
        long atStart = size(reads, h2File);
        String h2AtStart = h2Info(reads, h2File);
        long started = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            long size = size(reads, h2File);
            largest.accumulateAndGet(size, Math::max);
            String info = h2File != null ? h2Info(reads, h2File) : mib(size);
            System.out.printf("disk at %d s: %s%n", (System.nanoTime() - started) / 1_000_000_000L, info);
        }, 0, 5, TimeUnit.SECONDS);
        long before = reads.events();
        long[] writesBefore = h2Writes(reads, h2File);
        CommandMix mix = new CommandMix(new GatewayPort(node), "77104", new ZipfPairs(scale.mixPairs()), scale.mixPairs(), true);
        Load.Result load;
        try {
            load = scale.diskRate() > 0
                    ? Load.paced(CLIENTS, scale.diskRate(), scale.diskMillis(), mix)
                    : Load.each(CLIENTS, scale.diskMillis(), mix);
        } finally {
            sampler.shutdownNow();
        }
        long afterLoad = size(reads, h2File);
        long events = reads.events();
        long[] writesAfter = h2Writes(reads, h2File);
        long appended = Math.max(1, events - before);
        String writes = h2File == null ? "" : String.format("; H2 wrote %,d times, %,.1f MiB (%.2f writes and %,d bytes per event appended)",
                writesAfter[0] - writesBefore[0], (writesAfter[1] - writesBefore[1]) / 1048576.0,
                (double) (writesAfter[0] - writesBefore[0]) / appended, (writesAfter[1] - writesBefore[1]) / appended);
        report.add(Row.rate(store, SECTION, String.format("mix for %d s%s, sampled every 5 s", scale.diskMillis() / 1000,
                        scale.diskRate() > 0 ? String.format(", paced at %,d/s", scale.diskRate()) : ""),
                CLIENTS, load, String.format("%,d events appended; answers %s%s", events - before, mix.tally(), writes)));
        Thread.sleep(scale.idleMillis());
        long idle = size(reads, h2File);
        report.add(Row.measure(store, SECTION, "size before the run", mib(atStart), h2AtStart));
        report.add(Row.measure(store, SECTION, "largest size during the run", mib(largest.get()), null));
        report.add(Row.measure(store, SECTION, "size at the end of the run", mib(afterLoad), null));
        report.add(Row.measure(store, SECTION, String.format("size after %d s idle", scale.idleMillis() / 1000), mib(idle),
                String.format("%,d events in the store: %,d bytes per event%s", events, idle / events,
                        h2File != null ? "; " + h2Info(reads, h2File) : "")));
        String tables = reads.postgresLargestTables(5);
        if (tables != null) {
            report.add(Row.measure(store, SECTION, "largest tables after the idle time", null, tables));
            report.add(Row.measure(store, SECTION, "the events' rows", null,
                    reads.postgresRowComposition("domain_event_entry", "payload", "meta_data")));
            report.add(Row.measure(store, SECTION, "the dashboard's pair rows", null,
                    reads.postgresRowComposition("dashboard_pair", "pair_state")));
        }
        return largest.get();
    }

    /** After the node stopped: the H2 file compacted by {@code SHUTDOWN COMPACT}, and the run's largest size against it. */
    void compacted(Store store, String url, Path h2File, long largestDuringRun) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("SHUTDOWN COMPACT");
        }
        long compacted = Files.size(h2File);
        report.add(Row.measure(store, SECTION, "H2 file compacted (SHUTDOWN COMPACT after the stop)", mib(compacted),
                String.format("largest during the run: %.2f× this", (double) largestDuringRun / compacted)));
    }

    /** H2's file writes and bytes written since it opened (each commit writes at least one chunk); null on PostgreSQL. */
    private static long[] h2Writes(StoreReads reads, Path h2File) throws Exception {
        return h2File == null ? null : new long[] {reads.h2Counter("FILE_WRITE"), reads.h2Counter("FILE_WRITE_BYTES")};
    }

    private static long size(StoreReads reads, Path h2File) {
        try {
            return h2File != null ? Files.size(h2File) : reads.postgresDatabaseBytes();
        } catch (Exception e) {
            throw new IllegalStateException("could not measure the store's size", e);
        }
    }

    /** H2's own account of its file, or why it could not be read; null on PostgreSQL. */
    private static String h2Info(StoreReads reads, Path h2File) {
        if (h2File == null) {
            return null;
        }
        try {
            return reads.h2FileInfo();
        } catch (Exception e) {
            return "H2 info unavailable: " + e;
        }
    }

    private static String mib(long bytes) {
        return String.format("%,.1f MiB", bytes / 1048576.0);
    }
}
