package com.callpermissionledger.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: {@code perSecond} requests a second on average, bursts up to one second's worth.
 * It measures elapsed time with a monotonic source ({@code System::nanoTime} in production), not the ledger
 * clock, so a simulated clock that stands still cannot lock a client out; tests pass a source they move.
 */
public final class RateLimiter {

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Takes one token; answers 0 when allowed, else the whole seconds to wait before one is free. */
    public long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, nanoTime.getAsLong())).take(perSecond, nanoTime);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double capacity, long now) {
            tokens = capacity;
            updated = now;
        }

        synchronized long take(double perSecond, LongSupplier nanoTime) {
            long now = nanoTime.getAsLong();
            tokens = Math.min(perSecond, tokens + (now - updated) / (double) TimeUnit.SECONDS.toNanos(1) * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
