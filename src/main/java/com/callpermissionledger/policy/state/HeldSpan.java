package com.callpermissionledger.policy.state;

import java.time.Instant;

/** A permission that has ended: held from {@code from} (inclusive) until {@code until} (exclusive). */
public record HeldSpan(Instant from, Instant until) {

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
