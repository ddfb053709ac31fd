package com.callpermissionledger.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per key: {@code perSecond} requests a second on average, bursts up to one second's worth.
 * It measures real elapsed time ({@code System.nanoTime}), not the ledger clock, so a simulated clock that
 * stands still cannot lock a client out.
 */
public final class RateLimiter {

    private final double perSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes one token; answers 0 when allowed, else the whole seconds to wait before one is free. */
    public long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond)).take(perSecond);
    }

    private static final class Bucket {
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(double capacity) {
            tokens = capacity;
        }

        synchronized long take(double perSecond) {
            long now = System.nanoTime();
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
