package com.callpermissionledger.webhook;



import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.terminate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user is never two pairs (docs/webhooks.md, "Who the user is"): a user id and a phone number first seen
 * apart each get a pair; the payload that names both ties the user id to the phone's pair, carries the facts
 * recorded under the user id over, dated when they happened, and records the tie for auditors.
 */
class WebhookUserTieApiTest extends WebhookApiSupport {

    private static final String BUSINESS_CALL = "BUSINESS_INITIATED";

    @Test
    void aPayloadNamingBothIdsTiesTheUserIdsPairToThePhonesPair() {
        long n = unique();
        String business = "2" + n;
        Pair byPhone = new Pair(business, "4" + n);
        Pair byUserId = new Pair(business, "US.Y" + n);
        Instant granted = alignToWholeSecond();
        deliver(envelope(replyChange(business,
                reply(byUserId.user(), "wamid.T1", granted, null, "accept", false, "user_action", null))));
        Instant missed = advance(Duration.ofMinutes(5));
        deliver(envelope(terminate(business, byPhone.user(), "wacid.T2", BUSINESS_CALL, missed, null, null)));
        assertThat(events(byUserId, PermissionGranted.class)).as("first seen apart: two pairs").hasSize(1);
        Instant replied = advance(Duration.ofMinutes(5));

        String both = "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + Payloads.metadata(business) + ",\"messages\":[" + reply(byPhone.user(), "wamid.T3", replied,
                "wamid.REQT3", "reject", null, "user_action", null).replace("\"from\":\"" + byPhone.user() + "\"",
                "\"from\":\"" + byPhone.user() + "\",\"from_user_id\":\"" + byUserId.user() + "\"") + "]}}";
        deliver(envelope(both));

        assertThat(events(byPhone, PermissionGranted.class)).as("the grant made under the user id, carried over")
                .singleElement().satisfies(g -> {
                    assertThat(g.source()).isEqualTo(GrantSource.BUSINESS_PROFILE);
                    assertThat(g.occurredAt()).as("dated when it happened").isEqualTo(granted);
                });
        assertThat(events(byPhone, PermissionReplyRecorded.class)).singleElement()
                .satisfies(r -> assertThat(r.requestId()).isEqualTo("wamid.REQT3"));
        assertThat(stream(WebhookChangeLog.idOf(business))).singleElement()
                .isInstanceOfSatisfying(WebhookUserTied.class, t -> {
                    assertThat(t.formerUser()).isEqualTo(byUserId.user());
                    assertThat(t.pairUser()).isEqualTo(byPhone.user());
                    assertThat(t.factsCarried()).isEqualTo(1);
                });

        Instant later = advance(Duration.ofMinutes(5));
        deliver(envelope(terminate(business, byUserId.user(), "wacid.T4", BUSINESS_CALL, later, null, null)));

        assertThat(events(byPhone, CallOutcomeRecorded.class)).as("the user id now reaches the phone's pair")
                .extracting(CallOutcomeRecorded::callId).containsExactly("wacid.T2", "wacid.T4");
        assertThat(events(byUserId, CallOutcomeRecorded.class)).isEmpty();
        assertThat(events(byPhone, CallOutcomeRecorded.class)).last()
                .satisfies(o -> assertThat(o.outcome()).isEqualTo(CallOutcome.UNANSWERED));

        deliver(envelope(both));
        assertThat(stream(WebhookChangeLog.idOf(business))).as("a redelivery ties nothing again").hasSize(1);
    }
}
