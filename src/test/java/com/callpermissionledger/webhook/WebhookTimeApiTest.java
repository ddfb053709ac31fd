package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static com.callpermissionledger.webhook.Payloads.status;
import static com.callpermissionledger.webhook.Payloads.statusChange;
import static org.assertj.core.api.Assertions.assertThat;

/** R-FACT-TIME: the platform's timestamp is the fact's time, whenever the ledger hears of it. */
class WebhookTimeApiTest extends WebhookApiSupport {

    @Test
    void aBacklogReplayedAnHourLateGivesTheSameExpiryAsOnTimeDelivery() {
        Pair onTime = newPair();
        Pair late = newPair();
        sendRequest(onTime, "wamid.T1");
        sendRequest(late, "wamid.T1");
        Instant delivered = alignToWholeSecond();
        Instant replied = delivered.plusSeconds(40);
        String onTimeDelivery = envelope(statusChange(onTime.business(), status(onTime.user(), "wamid.T1", "delivered",
                delivered)));
        String onTimeReply = envelope(replyChange(onTime.business(), reply(onTime.user(), "wamid.TI1", replied,
                "wamid.T1", "accept", false, "user_action", null)));
        deliver(onTimeDelivery);
        advance(Duration.ofSeconds(40));
        deliver(onTimeReply);

        advance(Duration.ofHours(1));
        deliver(envelope(statusChange(late.business(), status(late.user(), "wamid.T1", "delivered", delivered)),
                replyChange(late.business(), reply(late.user(), "wamid.TI1", replied, "wamid.T1", "accept", false,
                        "user_action", null))));

        for (Pair pair : new Pair[]{onTime, late}) {
            assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(g -> {
                assertThat(g.occurredAt()).isEqualTo(replied);
                assertThat(g.expiresAt()).isEqualTo(replied.plus(WEEK));
            });
            assertThat(callPermission(pair).get("permission").get("expiration_time").asLong())
                    .isEqualTo(replied.plus(WEEK).getEpochSecond());
        }
    }

    @Test
    void aReplyBeforeItsDeliveryStatusKeepsTheReplysExpiry() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.O1");
        Instant delivered = alignToWholeSecond();
        Instant replied = delivered.plusSeconds(5);
        advance(Duration.ofSeconds(10));

        deliver(envelope(replyChange(pair.business(), reply(pair.user(), "wamid.OI1", replied, "wamid.O1", "accept",
                false, "user_action", null))));
        deliver(envelope(statusChange(pair.business(), status(pair.user(), "wamid.O1", "delivered", delivered))));

        assertThat(events(pair, PermissionRequestDelivered.class)).singleElement().satisfies(d -> {
            assertThat(d.occurredAt()).isEqualTo(delivered);
            assertThat(d.expiresAt()).as("the first reply fixed the request's life").isEqualTo(replied.plus(WEEK));
        });
        assertThat(events(pair, PermissionGranted.class)).singleElement()
                .satisfies(g -> assertThat(g.expiresAt()).isEqualTo(replied.plus(WEEK)));
    }

    @Test
    void aLateReplyInTimeForItsRequestGrantsAndOneAfterItsExpiryDoesNot() {
        Pair inTime = newPair();
        Pair tooLate = newPair();
        sendRequest(inTime, "wamid.L1");
        sendRequest(tooLate, "wamid.L2");
        Instant sent = alignToWholeSecond();
        Instant requestExpiry = sent.plus(WEEK);
        advance(WEEK.plusHours(1));

        deliver(envelope(replyChange(inTime.business(), reply(inTime.user(), "wamid.LI1",
                        requestExpiry.minusSeconds(60), "wamid.L1", "accept", false, "user_action", null)),
                replyChange(tooLate.business(), reply(tooLate.user(), "wamid.LI2", requestExpiry.plusSeconds(60),
                        "wamid.L2", "accept", false, "user_action", null))));

        assertThat(events(inTime, PermissionGranted.class)).singleElement()
                .satisfies(g -> assertThat(g.occurredAt()).isEqualTo(requestExpiry.minusSeconds(60)));
        assertThat(events(tooLate, PermissionGranted.class)).isEmpty();
        assertThat(events(tooLate, PermissionReplyRecorded.class)).isEmpty();
    }

    @Test
    void aLateGrantThatHasAlreadyRunOutIsRecordedWithItsExpiry() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();
        advance(WEEK.plusMinutes(5));

        deliver(envelope(replyChange(pair.business(), reply(pair.user(), "wamid.X1", at, null, "accept", false,
                "user_action", null))));

        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class,
                com.callpermissionledger.policy.event.PermissionExpired.class);
        assertThat(callPermission(pair).get("permission").get("status").asText()).isEqualTo("no_permission");
    }

    @Test
    void theRestReportsTakeTheSameOccurredAtAndRefuseTheFuture() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.REST1");
        Instant now = alignToWholeSecond();
        Instant hourAgo = now.minus(Duration.ofHours(1));

        Answer reply = admin("POST", pair.path("/permission-requests/wamid.REST1/reply"),
                "{\"response\":\"ACCEPT\",\"occurredAt\":\"" + hourAgo + "\"}");
        Answer future = admin("POST", pair.path("/user-calls"),
                "{\"callId\":\"wacid.REST2\",\"outcome\":\"MISSED\",\"occurredAt\":\"" + now.plus(Duration.ofHours(1))
                        + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(events(pair, PermissionGranted.class)).singleElement()
                .satisfies(g -> assertThat(g.expiresAt()).isEqualTo(hourAgo.plus(WEEK)));
        assertThat(future.status()).as(future.body()).isEqualTo(422);
        assertThat(future.json().get("code").asText()).isEqualTo("FACT_IN_FUTURE");
    }
}
