package com.callpermissionledger.time;

import com.callpermissionledger.config.LedgerProperties;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of the ledger, in whole milliseconds. Outside the {@code simulation} profile it is the
 * system's UTC clock.
 * Axon stamps each event message with its own static clock; it is pointed at this one so that the
 * recorded instant and the business instant come from the same source, simulated or not.
 */
@Configuration
public class ClockConfiguration {

    /** Coarser than the database's microseconds, so a stored due instant never reads as earlier than decided. */
    static final Duration PRECISION = Duration.ofMillis(1);

    private final Clock clock;

    public ClockConfiguration(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void stampEventsWithLedgerClock() {
        GenericEventMessage.clock = clock;
    }

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
