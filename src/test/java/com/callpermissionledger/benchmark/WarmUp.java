package com.callpermissionledger.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Unmeasured load, in rounds that take the operations in turn, until the JIT compiler has settled: on the
 * 2-core machine it kept about one core busy for the first 100 s of load, and cells measured in that time
 * measured the compiler too (performance-history.md, session 19). Settled means that in as many rounds in a
 * row as there are operations, the compiler worked less than a tenth of the round; {@code maxMillis} bounds
 * the wait, and the row says whether it settled.
 */
record WarmUp(long roundMillis, long maxMillis) {

    static final String SECTION = "warm-up";
    static final int CLIENTS = 8;
    static final double SETTLED_SHARE = 0.10;

    record Done(long millis, int rounds, double lastShare, boolean settled) {

        /** The report's row for this warm-up: how long it took, and whether the compiler settled. */
        Row row(Store store, String what) {
            return Row.measure(store, SECTION, what, String.format("%.0f s", millis / 1e3), String.format(
                    "%d rounds of %d clients; the compiler's share of the last round %.0f %%%s", rounds, CLIENTS,
                    100 * lastShare, settled ? "" : "; stopped at the maximum, not settled"));
        }
    }

    static WarmUp of(BenchmarkScale scale) {
        return new WarmUp(Math.min(5_000, scale.cellMillis()), scale.warmUpMaxMillis());
    }

    Done run(List<Load.Operation> operations) throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean timed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        int rounds = 0;
        int settledInARow = 0;
        while (true) {
            long before = timed ? compiler.getTotalCompilationTime() : 0;
            Load.each(CLIENTS, roundMillis, operations.get(rounds % operations.size()));
            rounds++;
            double share = timed ? (compiler.getTotalCompilationTime() - before) / (double) roundMillis : Double.NaN;
            settledInARow = share < SETTLED_SHARE ? settledInARow + 1 : 0;
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean settled = settledInARow >= operations.size();
            if (settled || millis >= maxMillis) {
                return new Done(millis, rounds, share, settled);
            }
        }
    }
}
