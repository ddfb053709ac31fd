package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.Keys;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static com.callpermissionledger.webhook.Payloads.status;
import static com.callpermissionledger.webhook.Payloads.statusChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Authenticity, the handshake, redelivery, whole batches, one bad change among good ones, a 1 MB batch. */
class WebhookDeliveryApiTest extends WebhookApiSupport {

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheConfiguredToken() {
        Answer ok = send("GET", WEBHOOK + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=1158201444", null, null, null);
        Answer wrong = send("GET", WEBHOOK + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444",
                null, null, null);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.contentType()).startsWith("text/plain");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asText()).isEqualTo("WEBHOOK_NOT_VERIFIED");
    }

    @Test
    void aBadOrMissingSignatureIs401AndRecordsNothing() {
        Pair pair = newPair();
        byte[] body = envelope(replyChange(pair.business(), reply(pair.user(), "wamid.S1", alignToWholeSecond(), null,
                "accept", false, "user_action", null))).getBytes(StandardCharsets.UTF_8);

        Answer forged = send("POST", WEBHOOK, null, WebhookSignature.of("another-secret", body), body);
        Answer unsigned = send("POST", WEBHOOK, null, null, body);
        Answer withKeyButUnsigned = send("POST", WEBHOOK, Keys.ADMIN, null, body);

        for (Answer answer : List.of(forged, unsigned, withKeyButUnsigned)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.json().get("code").asText()).isEqualTo("BAD_SIGNATURE");
        }
        assertThat(events(pair)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnEnvelopeIs400() {
        assertThat(deliverRaw("{\"object\":\"page\",\"entry\":[]}").status()).isEqualTo(400);
        assertThat(deliverRaw("not json").status()).isEqualTo(400);
    }

    @Test
    void theSameDeliveryTwiceChangesNothingTheSecondTime() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.D1");
        Instant at = alignToWholeSecond();
        String body = envelope(statusChange(pair.business(), status(pair.user(), "wamid.D1", "delivered", at)),
                replyChange(pair.business(), reply(pair.user(), "wamid.D2", at.plusSeconds(1).minusSeconds(1),
                        "wamid.D1", "accept", false, "user_action", null)));

        JsonNode first = deliver(body);
        List<Class<?>> after = eventTypes(pair);
        JsonNode second = deliver(body);

        assertThat(first.get("recorded").asInt()).isEqualTo(2);
        assertThat(second.get("recorded").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(2);
        assertThat(eventTypes(pair)).isEqualTo(after);
    }

    @Test
    void oneBadChangeIsRecordedForAuditorsAndTheRestOfTheBatchStillCounts() {
        Pair first = newPair();
        Pair second = newPair();
        Instant at = alignToWholeSecond();
        String bad = replyChange(first.business(), reply(first.user(), "wamid.B1", at, "wamid.Q1", "maybe", false,
                "user_action", null));
        String future = replyChange(first.business(), reply(first.user(), "wamid.B2", at.plus(Duration.ofHours(2)),
                "wamid.Q2", "accept", false, "user_action", null));
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":["
                + "{\"id\":\"1\",\"changes\":[" + bad + "," + replyChange(first.business(), reply(first.user(),
                "wamid.B3", at, "wamid.Q3", "accept", false, "user_action", null)) + "]},"
                + "{\"id\":\"2\",\"changes\":[" + future + "," + replyChange(second.business(), reply(second.user(),
                "wamid.B4", at, null, "accept", false, "user_action", null)) + "]}]}";

        JsonNode report = deliver(body);
        deliver(body);

        assertThat(report.get("recorded").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(events(first, PermissionReplyRecorded.class)).hasSize(1);
        assertThat(events(second, PermissionGranted.class)).hasSize(1);
        List<Object> rejected = stream("webhooks:" + first.business());
        assertThat(rejected).as("recorded once, though delivered twice").hasSize(2);
        assertThat(rejected).allSatisfy(e -> assertThat(e).isInstanceOf(WebhookChangeRejected.class));
        assertThat(((WebhookChangeRejected) rejected.get(0)).reason()).contains("maybe");
        assertThat(((WebhookChangeRejected) rejected.get(1)).reason()).contains("FACT_IN_FUTURE");
        Answer audit = send("GET", "/api/v1/events?limit=1000", Keys.AUDITOR, null, null);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("webhooks:" + first.business()).contains("WebhookChangeRejected");
    }

    @Test
    void aOneMegabyteBatchIsProcessedWhole() {
        Pair pair = phonePair();
        sendRequest(pair, "wamid.BIG");
        Instant at = alignToWholeSecond();
        List<String> statuses = new ArrayList<>();
        int size = 0;
        for (int i = 0; size < 1_050_000; i++) {
            String s = status("4" + unique(), "wamid.OTHER" + i, "sent", at);
            statuses.add(s);
            size += s.length() + 1;
        }
        statuses.add(status(pair.user(), "wamid.BIG", "delivered", at));
        String body = envelope(Payloads.messages(pair.business(), List.of(), statuses),
                replyChange(pair.business(), reply(pair.user(), "wamid.BIGR", at, "wamid.BIG", "accept", false,
                        "user_action", null)));
        assertThat(body.length()).isGreaterThan(1_000_000);

        JsonNode report = deliver(body);

        assertThat(report.get("recorded").asInt()).isEqualTo(2);
        assertThat(report.get("ignored").asInt()).isEqualTo(statuses.size() - 1);
        assertThat(events(pair, PermissionGranted.class)).singleElement()
                .satisfies(g -> assertThat(g.expiresAt()).isEqualTo(at.plus(WEEK)));
    }

    @Test
    void theCallbackSettingFollowsTheAccountSettingsUpdate() {
        String business = "2" + unique();
        Instant at = alignToWholeSecond();

        deliver(envelope(Payloads.settings(business, "ENABLED", at)));
        Answer enabled = admin("GET", "/api/v1/businesses/" + business + "/settings", null);
        deliver(envelope(Payloads.settings(business, "NOT_SET", at.plusSeconds(1))));
        Answer notSet = admin("GET", "/api/v1/businesses/" + business + "/settings", null);

        assertThat(enabled.body()).contains("\"callbackPermission\":\"ENABLED\"");
        assertThat(notSet.body()).contains("\"callbackPermission\":\"DISABLED\"");
    }
}
