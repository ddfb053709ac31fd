package com.callpermissionledger.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The webhook's meters (docs/operations.md): what became of each item by field, deliveries refused for their
 * signature, and how late items arrive (the platform's timestamp to the ledger's clock). Items are counted
 * once their fact is committed: each fact is its own command, answered after commit.
 */
@Component
public class WebhookMeters {

    static final String CHANGES = "ledger.webhook.changes";
    static final String SIGNATURE_FAILURES = "ledger.webhook.signature.failures";
    static final String DELIVERY_LATENCY = "ledger.webhook.delivery.latency";
    private static final Set<String> KNOWN_FIELDS = Set.of("messages", "calls", "account_settings_update");

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter signatureFailures;

    WebhookMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.signatureFailures = Counter.builder(SIGNATURE_FAILURES)
                .description("Webhook deliveries refused with 401 BAD_SIGNATURE; nothing of them was recorded")
                .register(registry);
    }

    /** A delivery whose X-Hub-Signature-256 did not match its body. */
    public void signatureFailed() {
        signatureFailures.increment();
    }

    /**
     * Adds what one change's items became, the tally's growth while the change was handled. Fields the ledger
     * does not read are tagged {@code other}: a tag value from the payload would let a sender mint meters.
     */
    void changes(String field, WebhookReport before, WebhookReport after) {
        field = KNOWN_FIELDS.contains(field) ? field : "other";
        count(field, "recorded", after.recorded() - before.recorded());
        count(field, "unchanged", after.unchanged() - before.unchanged());
        count(field, "ignored", after.ignored() - before.ignored());
        count(field, "rejected", after.rejected() - before.rejected());
        count(field, "held", after.held() - before.held());
    }

    /** An item dated {@code at} by the platform arrived now; a date ahead of the clock counts as no delay. */
    void arrived(String field, Instant at) {
        Duration late = Duration.between(at, clock.instant());
        Timer.builder(DELIVERY_LATENCY)
                .description("Time from an item's platform timestamp to its arrival at the ledger")
                .tag("field", field)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(3))
                .register(registry)
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    private void count(String field, String outcome, int items) {
        if (items > 0) {
            Counter.builder(CHANGES)
                    .description("Webhook items (messages, statuses, call events, settings) by field and outcome")
                    .tag("field", field)
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment(items);
        }
    }
}
