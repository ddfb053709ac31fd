package com.callpermissionledger.benchmark;

import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store filled with {@code statusPairs} pairs (one event each, the processors stopped meanwhile); then
 * the dashboard's replay of all of it beside a raw JDBC read; the heap once everything has caught up; then
 * status queries on random pairs in-process and over HTTP, beside a trivial authenticated GET in the same run;
 * then the heap again, with the pairs the queries left in the status cache.
 */
record StatusQueryCells(BenchmarkScale scale, BenchmarkReport report) {

    static final String SECTION = "status query";
    private static final String BUSINESS = "77103";
    private static final Duration PATIENCE = Duration.ofHours(1);

    void run(Store store, BenchmarkNode node) throws Exception {
        Processors processors = new Processors(node);
        StoreReads reads = new StoreReads(node.bean(DataSource.class));
        processors.awaitAllCaughtUp(PATIENCE);
        processors.stopAll();
        long seeding = System.nanoTime();
        long seeded = new HistorySeeder(node).grantedPairs(BUSINESS, scale.statusPairs());
        report.add(Row.measure(store, "fill", "pairs appended in batches of 1,000 by 8 threads (one event each)",
                String.format("%,d", seeded), String.format("%.0f events/s", seeded / ((System.nanoTime() - seeding) / 1e9))));

        StoreReads.RawRead raw = reads.readAll();
        report.add(Row.measure(store, "replay", "raw JDBC read of every event in order",
                String.format("%,.0f events/s", raw.perSecond()), String.format("%,d events, %,d bytes", raw.events(), raw.bytes())));
        double seconds = processors.rebuild("dashboard", PATIENCE);
        report.add(Row.measure(store, "replay", "dashboard rebuilt from every event",
                String.format("%,.0f events/s", raw.events() / seconds),
                String.format("%.1f s; %.1f %% of the raw read's rate", seconds, 100 * raw.events() / seconds / raw.perSecond())));
        processors.startAll();
        processors.awaitAllCaughtUp(PATIENCE);
        report.add(Row.measure(store, "heap", "heap used after a full GC, " + String.format("%,d", scale.statusPairs())
                + " pairs in the store", usedHeapMiB() + " MiB", "max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB"));

        GatewayPort gateway = new GatewayPort(node);
        HttpPort http = new HttpPort(node.port);
        for (int clients : new int[] {1, 8}) {
            report.add(Row.rate(store, SECTION, "in-process, random pair of " + scale.statusPairs(), clients,
                    Load.each(clients, scale.cellMillis(), n -> gateway.status(BUSINESS, randomUser())), null));
            Load.Result trivial = Load.each(clients, scale.cellMillis(), n -> http.settings(BUSINESS));
            report.add(Row.rate(store, SECTION, "trivial authenticated GET .../settings", clients, trivial, null));
            Load.Result status = Load.each(clients, scale.cellMillis(), n -> http.status(BUSINESS, randomUser()));
            report.add(Row.rate(store, SECTION, "GET .../call-permission, random pair", clients, status,
                    String.format("%.0f %% of the trivial GET's rate", 100 * status.perSecond() / trivial.perSecond())));
        }
        report.add(Row.rate(store, SECTION, "GET .../call-permission paced at 1,000/s (8 clients)", 8,
                Load.paced(8, 1_000, scale.cellMillis(), n -> http.status(BUSINESS, randomUser())),
                "latency from the instant each query was due"));
        double cached = node.bean(MeterRegistry.class).get("cache.size").tag("cache", "pair-states").gauge().value();
        report.add(Row.measure(store, "heap", "heap used after a full GC, after the status queries",
                usedHeapMiB() + " MiB", String.format("%,.0f pairs in the status cache", cached)));
    }

    private String randomUser() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(scale.statusPairs()));
    }

    private static long usedHeapMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
