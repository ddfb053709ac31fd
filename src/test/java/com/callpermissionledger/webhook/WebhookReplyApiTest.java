package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.policy.DivergenceSubject;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.PlatformDivergenceRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the reference's reply table (section 4), sent as the platform sends it. */
class WebhookReplyApiTest extends WebhookApiSupport {

    @Test
    void acceptingARequestTemporarilyGrantsSevenDaysFromTheReplyInstant() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.REQ1");
        Instant at = alignToWholeSecond();

        JsonNode report = deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN1", at, "wamid.REQ1", "accept", false, "user_action", null))));

        assertThat(report.get("recorded").asInt()).isEqualTo(1);
        assertThat(events(pair, PermissionReplyRecorded.class)).singleElement().satisfies(r -> {
            assertThat(r.response()).isEqualTo(ReplyResponse.ACCEPT);
            assertThat(r.occurredAt()).isEqualTo(at);
            assertThat(r.learned()).isFalse();
        });
        assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo(GrantSource.REQUEST);
            assertThat(g.kind()).isEqualTo(PermissionKind.TEMPORARY);
            assertThat(g.occurredAt()).isEqualTo(at);
            assertThat(g.expiresAt()).isEqualTo(at.plus(WEEK));
            assertThat(g.reference()).isEqualTo("wamid.REQ1");
        });
        assertThat(callPermission(pair).get("permission").get("expiration_time").asLong())
                .isEqualTo(at.plus(WEEK).getEpochSecond());
    }

    @Test
    void anOlderPayloadWithoutIsPermanentIsATemporaryAcceptance() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();

        deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN2", at, "wamid.ELSEWHERE", "accept", null, "user_action", null))));

        assertThat(events(pair, PermissionReplyRecorded.class)).singleElement()
                .satisfies(r -> assertThat(r.learned()).as("a request sent outside the ledger is learned").isTrue());
        assertThat(events(pair, PermissionGranted.class)).singleElement()
                .satisfies(g -> assertThat(g.kind()).isEqualTo(PermissionKind.TEMPORARY));
    }

    @Test
    void acceptingPermanentlyUnderAPolicyWithPermanentPermissionsNeverExpires() {
        Pair pair = newPair();
        assertThat(admin("PUT", "/api/v1/businesses/" + pair.business() + "/settings",
                "{\"policy\":\"whatsapp-v2\"}").status()).isEqualTo(200);
        Instant at = alignToWholeSecond();

        deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN3", at, "wamid.REQ3", "accept", true, "user_action", null))));

        assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(PermissionKind.PERMANENT);
            assertThat(g.expiresAt()).isNull();
        });
        assertThat(callPermission(pair).get("permission").get("status").asText()).isEqualTo("permanent");
    }

    @Test
    void aGrantFromTheBusinessProfileHasNoContext() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();
        String body = envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN4", at, null, "accept", true, "user_action", null)));

        deliver(body);
        JsonNode again = deliver(body);

        assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo(GrantSource.BUSINESS_PROFILE);
            assertThat(g.kind()).as("whatsapp-v1 holds a permanent grant as temporary").isEqualTo(PermissionKind.TEMPORARY);
            assertThat(g.occurredAt()).isEqualTo(at);
        });
        assertThat(again.get("unchanged").asInt()).as("a redelivered profile grant is the same fact").isEqualTo(1);
    }

    @Test
    void decliningARequestIsRecordedAndGrantsNothing() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.REQ5");
        Instant at = alignToWholeSecond();

        deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN5", at, "wamid.REQ5", "reject", null, "user_action", null))));

        assertThat(events(pair, PermissionReplyRecorded.class)).singleElement()
                .satisfies(r -> assertThat(r.response()).isEqualTo(ReplyResponse.REJECT));
        assertThat(events(pair, PermissionGranted.class)).isEmpty();
        assertThat(callPermission(pair).get("ledger").get("state").asText()).isEqualTo("DECLINED");
    }

    @Test
    void aCallbackGrantFromAUserCallIsNotARequestAndUsesNoRequestLimit() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();

        deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN6", at, "wacid.USERCALL6", "accept", false, "automatic", null))));

        assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo(GrantSource.CALLBACK);
            assertThat(g.reference()).isEqualTo("wacid.USERCALL6");
            assertThat(g.expiresAt()).isEqualTo(at.plus(WEEK));
        });
        assertThat(events(pair, PermissionRequested.class)).isEmpty();
        JsonNode limits = callPermission(pair).get("actions").get(0);
        assertThat(limits.get("can_perform_action").asBoolean()).isTrue();
        assertThat(limits.get("limits").get(0).get("current_usage").asInt()).isZero();
        assertThat(limits.get("limits").get(1).get("current_usage").asInt()).isZero();
    }

    @Test
    void thePlatformsAutomaticRevocationIsRecordedAsSuchAndTheCountDifferenceIsVisible() {
        Pair pair = newPair();
        Instant grantedAt = alignToWholeSecond();
        deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN7", grantedAt, null, "accept", false, "user_action", null))));
        Instant at = advance(Duration.ofMinutes(10));

        String revocation = envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.IN8", at, null, "reject", null, "automatic", null)));
        deliver(revocation);
        JsonNode again = deliver(revocation);

        assertThat(events(pair, PermissionRevoked.class)).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(RevocationSource.PLATFORM);
            assertThat(r.occurredAt()).isEqualTo(at);
            assertThat(r.rule()).isEqualTo("R-PLATFORM-REVOKE");
        });
        assertThat(events(pair, PlatformDivergenceRecorded.class)).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo(DivergenceSubject.AUTOMATIC_REVOCATION);
            assertThat(d.ledgerSays()).contains("0 of 4");
        });
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(callPermission(pair).get("ledger").get("state").asText()).isEqualTo("REVOKED");
    }

    @Test
    void thePlatformsExpirationTimestampIsACrossCheckAsStringOrNumber() {
        Pair asText = newPair();
        Pair asNumber = newPair();
        Pair agreeing = newPair();
        Instant at = alignToWholeSecond();
        String sixteenDays = Long.toString(at.plus(Duration.ofDays(16)).getEpochSecond());

        deliver(envelope(
                replyChange(asText.business(), reply(asText.user(), "wamid.IN9", at, "wamid.REQ9", "accept", false,
                        "user_action", "\"" + sixteenDays + "\"")),
                replyChange(asNumber.business(), reply(asNumber.user(), "wamid.IN10", at, "wamid.REQ10", "accept",
                        false, "user_action", sixteenDays)),
                replyChange(agreeing.business(), reply(agreeing.user(), "wamid.IN11", at, "wamid.REQ11", "accept",
                        false, "user_action", Long.toString(at.plus(WEEK).getEpochSecond())))));

        for (Pair pair : List.of(asText, asNumber)) {
            assertThat(events(pair, PermissionGranted.class)).singleElement()
                    .satisfies(g -> assertThat(g.expiresAt()).as("the rule's expiry is kept").isEqualTo(at.plus(WEEK)));
            assertThat(events(pair, PlatformDivergenceRecorded.class)).singleElement().satisfies(d -> {
                assertThat(d.subject()).isEqualTo(DivergenceSubject.PERMISSION_EXPIRY);
                assertThat(d.platformSays()).isEqualTo(at.plus(Duration.ofDays(16)).toString());
                assertThat(d.ledgerSays()).isEqualTo(at.plus(WEEK).toString());
                assertThat(d.reference()).startsWith("wamid.REQ");
            });
        }
        assertThat(events(agreeing, PlatformDivergenceRecorded.class)).isEmpty();
    }

    @Test
    void aUserNamedByPhoneOrByUserIdIsOnePair() {
        long n = unique();
        String business = "2" + n;
        String phone = "4" + n;
        String userId = "US.T" + n;
        Instant at = alignToWholeSecond();
        String both = "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + Payloads.metadata(business) + ",\"contacts\":[{\"profile\":{\"name\":\"A\"},\"wa_id\":\"" + phone
                + "\",\"user_id\":\"" + userId + "\"}],\"messages\":[" + reply(phone, "wamid.IN12", at, "wamid.REQ12",
                "accept", false, "user_action", null).replace("\"from\":\"" + phone + "\"",
                "\"from\":\"" + phone + "\",\"from_user_id\":\"" + userId + "\"") + "]}}";
        deliver(envelope(both));
        Instant later = advance(Duration.ofMinutes(1));

        deliver(envelope(replyChange(business,
                reply(userId, "wamid.IN13", later, "wamid.REQ13", "reject", null, "user_action", null))));

        Pair byPhone = new Pair(business, phone);
        assertThat(events(byPhone, PermissionReplyRecorded.class)).hasSize(2);
        assertThat(stream(business + ":" + userId)).as("no second pair for the user id").isEmpty();

        Answer erased = admin("POST", "/api/v1/admin/erasures", "{\"business\":\"" + business + "\",\"user\":\""
                + phone + "\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from webhook_user_link where business = ?", Long.class,
                business)).as("the ids the user was named by are erased with the history").isZero();
    }
}
