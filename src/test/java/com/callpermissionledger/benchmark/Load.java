package com.callpermissionledger.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Runs one operation from several threads for a fixed time and reports rate and latency. */
final class Load {

    interface Operation {
        void run(long sequence) throws Exception;
    }

    record Result(long operations, double perSecond, double p50Millis, double p99Millis, double p999Millis) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Load() {
    }

    /** Closed loop: each thread runs the operation again as soon as it returns. */
    static Result each(int threads, long millis, Operation operation) throws InterruptedException {
        return run(threads, millis, 0, operation);
    }

    /**
     * Open loop: {@code perSecond} operations a second in total, spread over {@code threads}, each timed from
     * the instant it was due, so a stall counts against every operation it delayed, not only the first.
     */
    static Result paced(int threads, int perSecond, long millis, Operation operation) throws InterruptedException {
        return run(threads, millis, threads * 1_000_000_000L / perSecond, operation);
    }

    /** {@code count} operations one after the other on this thread, after {@code count / 10} unmeasured ones. */
    static Result sequential(int count, Operation operation) throws Exception {
        for (int i = 0; i < count / 10; i++) {
            operation.run(SEQUENCE.getAndIncrement());
        }
        long[] latencies = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            operation.run(SEQUENCE.getAndIncrement());
            latencies[i] = System.nanoTime() - t0;
        }
        return result(latencies, start);
    }

    private static Result run(int threads, long millis, long interval, Operation operation)
            throws InterruptedException {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Worker worker = new Worker(operation, interval, start + t * interval / threads, end, failures);
            workers.add(worker);
            worker.thread.start();
        }
        long[] all = new long[0];
        for (Worker worker : workers) {
            worker.thread.join();
            long[] merged = Arrays.copyOf(all, all.length + worker.count);
            System.arraycopy(worker.latencies, 0, merged, all.length, worker.count);
            all = merged;
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("load failed", failures.get(0));
        }
        return result(all, start);
    }

    private static Result result(long[] latencies, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(latencies.length, latencies.length / seconds, percentile(latencies, 0.50),
                percentile(latencies, 0.99), percentile(latencies, 0.999));
    }

    /** NaN when nothing completed, so an empty cell never reads as a fast one. */
    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }

    /** One client: its latencies stay in its own array until the cell ends, so measuring shares nothing. */
    private static final class Worker implements Runnable {
        final Thread thread = new Thread(this);
        private final Operation operation;
        private final long interval;
        private final long end;
        private final List<Throwable> failures;
        private long due;
        long[] latencies = new long[4096];
        int count;

        Worker(Operation operation, long interval, long firstDue, long end, List<Throwable> failures) {
            this.operation = operation;
            this.interval = interval;
            this.due = firstDue;
            this.end = end;
            this.failures = failures;
        }

        @Override
        public void run() {
            while (System.nanoTime() < end && failures.isEmpty()) {
                long t0 = interval > 0 ? waitUntilDue() : System.nanoTime();
                try {
                    operation.run(SEQUENCE.getAndIncrement());
                } catch (Throwable e) {
                    failures.add(e);
                    return;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - t0;
            }
        }

        private long waitUntilDue() {
            long scheduled = due;
            due += interval;
            while (System.nanoTime() < scheduled) {
                LockSupport.parkNanos(scheduled - System.nanoTime());
            }
            return scheduled;
        }
    }
}
