package com.callpermissionledger.time;

import com.callpermissionledger.config.LedgerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of the ledger, in whole milliseconds. Outside the {@code simulation} profile it is the
 * system's UTC clock. Decisions, business time ({@code occurredAt}) and the recording instant of stored
 * events (stamped by {@code EventChain}) all come from it.
 */
@Configuration
public class ClockConfiguration {

    /** Coarser than the database's microseconds, so a stored due instant never reads as earlier than decided. */
    static final Duration PRECISION = Duration.ofMillis(1);

    @Configuration
    @Profile("!simulation")
    static class SystemClock {
        @Bean
        Clock clock() {
            return Clock.tick(Clock.systemUTC(), PRECISION);
        }
    }

    @Configuration
    @Profile("simulation")
    static class Simulation {
        @Bean
        SimulatedClock clock(LedgerProperties properties) {
            Instant start = properties.getSimulation().getStart();
            return new SimulatedClock(start != null ? start.truncatedTo(ChronoUnit.MILLIS)
                    : Clock.tick(Clock.systemUTC(), PRECISION).instant());
        }
    }
}
