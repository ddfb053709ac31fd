package com.callpermissionledger.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one operation from several threads for a fixed time and reports rate and latency. */
final class Load {

    interface Operation {
        void run(long sequence) throws Exception;
    }

    record Result(long operations, double perSecond, double p50Millis, double p99Millis) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Load() {
    }

    static Result run(int threads, long millis, Operation operation) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end && failures.isEmpty()) {
                    long sequence = SEQUENCE.getAndAdd(3);
                    for (int step = 0; step < 3; step++) {
                        long t0 = System.nanoTime();
                        try {
                            operation.run(sequence + step);
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                        mine.add(System.nanoTime() - t0);
                    }
                }
                latencies.addAll(mine);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("load failed", failures.get(0));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sorted.size(), sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p)) / 1e6;
    }
}
