package com.callpermissionledger.benchmark;

import java.util.List;

/**
 * How big one benchmark run is. {@code -Dbenchmark.scale=full} (the default) is what issue #11 and
 * docs/performance.md name; {@code quick} runs every cell at a small size in a few minutes, to check the
 * harness itself, and its figures are not worth reporting. {@code diskRate} paces the disk run's mix
 * (operations per second in total); 0, the default, runs it closed-loop at whatever the ledger sustains.
 * {@code warmUpMaxMillis} bounds the unmeasured load before the first cells ({@link WarmUp}).
 */
record BenchmarkScale(
        String name,
        long cellMillis,
        List<Integer> clients,
        int mixPairs,
        int statusPairs,
        List<Integer> growthHistories,
        long diskMillis,
        int diskRate,
        long idleMillis,
        long warmUpMaxMillis) {

    static BenchmarkScale fromSystemProperties() {
        String name = System.getProperty("benchmark.scale", "full");
        BenchmarkScale scale = switch (name) {
            case "full" -> new BenchmarkScale(name, 10_000, List.of(1, 8, 64), 10_000, 1_000_000,
                    List.of(10, 1_000, 100_000), 600_000, 0, 60_000, 300_000);
            case "quick" -> new BenchmarkScale(name, 1_500, List.of(1, 8, 64), 500, 5_000,
                    List.of(10, 100, 1_000), 20_000, 0, 5_000, 15_000);
            default -> throw new IllegalArgumentException("benchmark.scale is full or quick, not " + name);
        };
        long cell = Long.getLong("benchmark.cell-millis", scale.cellMillis);
        long disk = Long.getLong("benchmark.disk-millis", scale.diskMillis);
        int statusPairs = Integer.getInteger("benchmark.status-pairs", scale.statusPairs);
        int diskRate = Integer.getInteger("benchmark.disk-rate", scale.diskRate);
        long warmUp = Long.getLong("benchmark.warm-up-max-millis", scale.warmUpMaxMillis);
        if (diskRate < 0) {
            throw new IllegalArgumentException("benchmark.disk-rate is operations per second, or 0 for full load, not " + diskRate);
        }
        return new BenchmarkScale(name, cell, scale.clients, scale.mixPairs, statusPairs,
                scale.growthHistories, disk, diskRate, scale.idleMillis, warmUp);
    }
}
