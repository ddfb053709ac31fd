package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestFailed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.status;
import static com.callpermissionledger.webhook.Payloads.statusChange;
import static org.assertj.core.api.Assertions.assertThat;

/** A status that arrives before its request is held, and applied with its own instant once the request is recorded. */
class WebhookPendingStatusApiTest extends WebhookApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeliveryBeforeItsRequestStartsTheNoResponseClockAtThePlatformsInstant() {
        Pair pair = newPair();
        Instant delivered = alignToWholeSecond();
        String delivery = envelope(statusChange(pair.business(), status(pair.user(), "wamid.P1", "delivered",
                delivered)));

        JsonNode first = deliver(delivery);
        JsonNode again = deliver(delivery);
        advance(Duration.ofSeconds(5));
        sendRequest(pair, "wamid.P1");

        assertThat(first.get("held").asInt()).isEqualTo(1);
        assertThat(again.get("held").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        List<PermissionRequestDelivered> applied = eventually(() -> events(pair, PermissionRequestDelivered.class));
        assertThat(applied).singleElement().satisfies(d -> {
            assertThat(d.occurredAt()).isEqualTo(delivered);
            assertThat(d.expiresAt()).isEqualTo(delivered.plus(WEEK));
        });
        assertThat(jdbc.queryForObject("select count(*) from webhook_pending_status where business = ?",
                Integer.class, pair.business())).isZero();
        List<JsonNode> origins = origins(pair);
        assertThat(origins).hasSize(2);
        assertThat(origins.get(1).get("correlationId")).as("the applied status is found with its request")
                .isEqualTo(origins.get(0).get("correlationId")).isNotNull();
        assertThat(origins.get(1).get("client").asText()).as("applied as sent: by the platform, not by upstream")
                .isEqualTo("whatsapp-platform");
    }

    @Test
    void aStatusHeldBeforeTheLedgerKeptItsSenderIsAppliedByAnUnknownClient() {
        Pair pair = newPair();
        Instant delivered = alignToWholeSecond();
        jdbc.update("insert into webhook_pending_status (business, pair_user, message_id, status, occurred_at) "
                + "values (?, ?, 'wamid.P5', 'delivered', ?)", pair.business(), pair.user(), Timestamp.from(delivered));

        sendRequest(pair, "wamid.P5");

        assertThat(eventually(() -> events(pair, PermissionRequestDelivered.class))).singleElement()
                .satisfies(d -> assertThat(d.occurredAt()).isEqualTo(delivered));
        assertThat(origins(pair).get(1).get("client").asText()).isEqualTo("unknown");
    }

    @Test
    void aFailureBeforeItsRequestFailsTheRequestOnceRecorded() {
        Pair pair = newPair();
        Instant failed = alignToWholeSecond();
        deliver(envelope(statusChange(pair.business(), status(pair.user(), "wamid.P2", "failed", failed))));
        sendRequest(pair, "wamid.P2");

        assertThat(eventually(() -> events(pair, PermissionRequestFailed.class))).singleElement()
                .satisfies(f -> assertThat(f.occurredAt()).isEqualTo(failed));
    }

    @Test
    void aStatusOfAMessageNeverRecordedAsARequestIsDroppedAfterADay() {
        Pair pair = newPair();
        deliver(envelope(statusChange(pair.business(), status(pair.user(), "wamid.P3", "read", alignToWholeSecond()))));
        advance(PendingStatuses.KEPT.plusMinutes(1));
        Pair other = newPair();

        deliver(envelope(statusChange(other.business(), status(other.user(), "wamid.P4", "read", alignToWholeSecond()))));

        assertThat(jdbc.queryForObject("select count(*) from webhook_pending_status where business = ?",
                Integer.class, pair.business())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from webhook_pending_status where business = ?",
                Integer.class, other.business())).isEqualTo(1);
    }

    /** The metadata of the pair's stored events, in order. */
    private List<JsonNode> origins(Pair pair) {
        return jdbc.query("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", (row, i) -> {
                    try {
                        return JSON.readTree(row.getBytes(1));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, pair.business() + ":" + pair.user());
    }

    /** The held statuses are applied by an event processor after the request is committed. */
    private static <T> List<T> eventually(Supplier<List<T>> read) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            found = read.get();
        }
        return found;
    }
}
