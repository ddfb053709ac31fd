package com.callpermissionledger.demo;


import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.time.SimulatedClock;
import com.callpermissionledger.webhook.Envelope;
import com.callpermissionledger.webhook.WebhookIntake;
import com.callpermissionledger.webhook.WebhookJson;
import com.callpermissionledger.webhook.WebhookReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Runs scripts in the order of their simulated instants: before each step the simulated clock is moved
 * forward to the step's instant, then the step's command goes through the real command path
 * ({@link PairLedger}). The clock never moves back; a step whose instant has passed (someone moved the
 * clock through the admin endpoint) runs now.
 */
final class DemoDriver {

    /** The client name on every event the demo causes, so the audit trail tells demo traffic apart. */
    static final String CLIENT = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDriver.class);

    private record Pending(Instant at, long order, Script script) {
    }

    private final PairLedger ledger;
    private final WebhookIntake intake;
    private final SimulatedClock clock;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
    private long order;
    private long commands;
    private long failures;

    DemoDriver(PairLedger ledger, WebhookIntake intake, SimulatedClock clock) {
        this.ledger = ledger;
        this.intake = intake;
        this.clock = clock;
    }

    /** Schedules the script: its first step runs its own delay after {@code start}. */
    void start(Script script, Instant start) {
        if (!script.isDone()) {
            queue.add(new Pending(start.plus(script.nextDelay()), order++, script));
        }
    }

    /** Runs every step due up to {@code end}, then leaves the clock at {@code end} (or later, if it already was). */
    void runUntil(Instant end, BooleanSupplier keepGoing) {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(end) && keepGoing.getAsBoolean()) {
            Pending next = queue.poll();
            moveTo(next.at());
            Script script = next.script();
            boolean more;
            try {
                more = script.runNext(this);
            } catch (RuntimeException e) {
                failures++;
                log.debug("Demo step failed; its script ends: {}", e.toString());
                more = false;
            }
            if (more) {
                queue.add(new Pending(clock.instant().plus(script.nextDelay()), order++, script));
            }
        }
        moveTo(end);
    }

    /**
     * Sends through the real command path; the events record {@value #CLIENT} as their client. What the
     * platform reports (deliveries, replies, grants, call outcomes) arrives as the platform's webhook would.
     */
    Decision send(PairCommand command) {
        commands++;
        String webhook = DemoWebhooks.of(command, clock.instant());
        if (webhook == null) {
            return CommandOrigin.with(CLIENT, null, () -> ledger.handle(command)).decision();
        }
        WebhookReport report = CommandOrigin.with(CLIENT, null, () -> intake.receive(envelope(webhook)));
        if (report.rejected() > 0) {
            throw new IllegalStateException("the demo's webhook was rejected: " + webhook);
        }
        return report.recorded() > 0 ? new Decision.Recorded(List.of()) : new Decision.Unchanged();
    }

    private static Envelope envelope(String webhook) {
        try {
            return WebhookJson.envelope(webhook.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }

    void moveTo(Instant instant) {
        Duration by = Duration.between(clock.instant(), instant);
        if (!by.isNegative() && !by.isZero()) {
            clock.advance(by);
        }
    }

    long commands() {
        return commands;
    }

    long failures() {
        return failures;
    }

    int pending() {
        return queue.size();
    }
}
