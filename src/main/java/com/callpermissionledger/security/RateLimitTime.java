package com.callpermissionledger.security;

/** The monotonic time the rate limiter measures, in nanoseconds; a bean of this type replaces {@code System.nanoTime}. */
@FunctionalInterface
public interface RateLimitTime {
    long nanos();
}
