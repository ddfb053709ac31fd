package com.callpermissionledger.policy.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Use of one rolling window at an instant. A use at {@code t} counts while {@code now - window < t};
 * {@code limitExpiresAt} is set once the window is full: the instant enough uses have left it.
 */
public record WindowUsage(Duration window, int max, List<Instant> counted, Instant limitExpiresAt) {

    public WindowUsage {
        counted = List.copyOf(counted);
    }

    public static WindowUsage of(Collection<Instant> uses, int max, Duration window, Instant now) {
        Instant start = now.minus(window);
        List<Instant> inWindow = uses.stream().filter(t -> t.isAfter(start)).sorted().toList();
        Instant freesAt = inWindow.size() >= max ? inWindow.get(inWindow.size() - max).plus(window) : null;
        return new WindowUsage(window, max, inWindow, freesAt);
    }

    public int used() {
        return counted.size();
    }

    public boolean full() {
        return counted.size() >= max;
    }
}
