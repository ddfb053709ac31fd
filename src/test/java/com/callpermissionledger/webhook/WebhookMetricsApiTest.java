package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's meters at {@code /actuator/prometheus}, the ones docs/operations.md says to alert on. */
class WebhookMetricsApiTest extends WebhookApiSupport {

    private static final String RECORDED = "ledger_webhook_changes_total{field=\"messages\",outcome=\"recorded\"}";
    private static final String UNCHANGED = "ledger_webhook_changes_total{field=\"messages\",outcome=\"unchanged\"}";
    private static final String REJECTED = "ledger_webhook_changes_total{field=\"messages\",outcome=\"rejected\"}";
    private static final String SIGNATURE = "ledger_webhook_signature_failures_total";
    private static final String LATE_COUNT = "ledger_webhook_delivery_latency_seconds_count{field=\"messages\"}";
    private static final String LATE_SUM = "ledger_webhook_delivery_latency_seconds_sum{field=\"messages\"}";

    @Test
    void itemsAreCountedByFieldAndOutcome() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();
        String grant = envelope(replyChange(pair.business(), reply(pair.user(), "wamid.M1", at, null, "accept", false,
                "user_action", null)));
        String unreadable = envelope(replyChange(pair.business(), reply(pair.user(), "wamid.M2", at, null, "maybe",
                false, "user_action", null)));
        String before = scrape();

        deliver(grant);
        deliver(grant);
        deliver(unreadable);

        String after = scrape();
        assertThat(sample(after, RECORDED)).isEqualTo(sample(before, RECORDED) + 1);
        assertThat(sample(after, UNCHANGED)).isEqualTo(sample(before, UNCHANGED) + 1);
        assertThat(sample(after, REJECTED)).isEqualTo(sample(before, REJECTED) + 1);
    }

    @Test
    void aBadSignatureIsCounted() {
        byte[] body = envelope().getBytes(StandardCharsets.UTF_8);
        double before = sample(scrape(), SIGNATURE);

        Answer answer = send("POST", WEBHOOK, null, "sha256=" + "0".repeat(64), body);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(sample(scrape(), SIGNATURE)).isEqualTo(before + 1);
    }

    @Test
    void anItemDatedAnHourAgoShowsAnHourOfDeliveryLatency() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();
        advance(Duration.ofHours(1));
        String before = scrape();

        deliver(envelope(replyChange(pair.business(), reply(pair.user(), "wamid.L1", at, null, "accept", false,
                "user_action", null))));

        String after = scrape();
        assertThat(sample(after, LATE_COUNT)).isEqualTo(sample(before, LATE_COUNT) + 1);
        assertThat(sample(after, LATE_SUM) - sample(before, LATE_SUM)).isBetween(3600.0, 3600.0 + 60);
    }

    private String scrape() {
        Answer answer = admin("GET", "/actuator/prometheus", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The value of one exact series, or 0 when it has not been registered yet. */
    private static double sample(String exposition, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
