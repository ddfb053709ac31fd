package com.callpermissionledger.time;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Real time, in whole milliseconds, whatever the ledger clock says. Only for when an event row is written:
 * Axon decides whether a gap in the global index is still worth waiting for by comparing the timestamps of
 * the events around it with real time, so those timestamps must never be simulated (docs/operations.md).
 * Decisions and business time use the ledger {@link Clock}, never this.
 */
@Component
public class WallClock {

    private final Clock clock = Clock.tick(Clock.systemUTC(), ClockConfiguration.PRECISION);

    public Instant instant() {
        return clock.instant();
    }
}
