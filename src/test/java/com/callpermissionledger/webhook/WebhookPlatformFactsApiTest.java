package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.DivergenceSubject;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PlatformDivergenceRecorded;
import com.callpermissionledger.policy.event.RequestSlotFreed;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.webhook.Payloads.callStatus;
import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.status;
import static com.callpermissionledger.webhook.Payloads.statusChange;
import static com.callpermissionledger.webhook.Payloads.terminate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platform facts judged by the ledger's rules in business time: a late miss (R-FACT-TIME with R-MISS-WARNING), a
 * failed request (R-REQUEST-FAILED) and a call connected without permission (R-PLATFORM-DIVERGENCE).
 */
class WebhookPlatformFactsApiTest extends WebhookApiSupport {

    private static final String AUDITOR_KEY = "test-auditor-key";
    private static final String BUSINESS_CALL = "BUSINESS_INITIATED";

    @Test
    void anUnansweredCallReportedAfterALaterConnectedCallDoesNotCountTowardTheRun() {
        Pair pair = newPair();
        Instant granted = alignToWholeSecond();
        deliver(envelope(replyChange(pair.business(),
                reply(pair.user(), "wamid.G1", granted, null, "accept", false, "user_action", null))));
        Instant missed = advance(Duration.ofMinutes(10));
        Instant picked = advance(Duration.ofMinutes(10));
        deliver(envelope(callStatus(pair.business(), pair.user(), "wacid.L2", "ACCEPTED", picked)));
        Instant missedAfter = advance(Duration.ofMinutes(10));
        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.L3", BUSINESS_CALL, missedAfter, null, null)));
        advance(Duration.ofMinutes(30));

        JsonNode late = deliver(envelope(terminate(pair.business(), pair.user(), "wacid.L1", BUSINESS_CALL, missed,
                null, null)));

        assertThat(late.get("recorded").asInt()).isEqualTo(1);
        assertThat(events(pair, CallOutcomeRecorded.class)).filteredOn(o -> o.callId().equals("wacid.L1"))
                .singleElement().satisfies(o -> {
                    assertThat(o.outcome()).isEqualTo(CallOutcome.UNANSWERED);
                    assertThat(o.occurredAt()).isEqualTo(missed);
                    assertThat(o.consecutiveMisses()).as("it belongs to the run the connected call ended").isEqualTo(1);
                });
        JsonNode ledger = callPermission(pair).get("ledger");
        assertThat(ledger.get("consecutiveUnanswered").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedRequestFreesItsPlaceSoTheNextRequestIsSentTheSameDay() {
        Pair pair = phonePair();
        sendRequest(pair, "wamid.FAIL1");
        Answer blocked = admin("POST", pair.path("/permission-requests"),
                "{\"requestId\":\"wamid.FAIL2\",\"channel\":\"FREE_FORM\"}");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(429);
        Instant failedAt = advance(Duration.ofMinutes(2));

        deliver(envelope(statusChange(pair.business(), status(pair.user(), "wamid.FAIL1", "failed", failedAt))));

        assertThat(events(pair, RequestSlotFreed.class)).singleElement().satisfies(f -> {
            assertThat(f.occurredAt()).isEqualTo(failedAt);
            assertThat(f.rule()).isEqualTo("R-REQUEST-FAILED");
        });
        sendRequest(pair, "wamid.FAIL3");
    }

    @Test
    void aCallConnectedWithoutPermissionIsRecordedWithTheDisagreementForAuditors() throws Exception {
        Pair pair = phonePair();
        Instant picked = alignToWholeSecond();

        JsonNode report = deliver(envelope(callStatus(pair.business(), pair.user(), "wacid.NP1", "ACCEPTED", picked)));

        assertThat(report.get("recorded").asInt()).isEqualTo(1);
        assertThat(events(pair, CallOutcomeRecorded.class)).singleElement()
                .satisfies(o -> assertThat(o.outcome()).isEqualTo(CallOutcome.CONNECTED));
        assertThat(events(pair, PlatformDivergenceRecorded.class)).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo(DivergenceSubject.CALL_WITHOUT_PERMISSION);
            assertThat(d.reference()).isEqualTo("wacid.NP1");
            assertThat(d.occurredAt()).isEqualTo(picked);
        });
        assertThat(callPermission(pair).get("ledger").get("state").asText())
                .as("the ledger keeps its rule-based state").isEqualTo("NONE");

        Answer history = send("GET", pair.path("/events"), AUDITOR_KEY, null, null);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains("PlatformDivergenceRecorded").contains("CALL_WITHOUT_PERMISSION");
        assertThat(ledgerStream(pair.business() + ":" + pair.user()))
                .as("listed in /api/v1/events").contains("PlatformDivergenceRecorded");
    }

    /** The event types of one stream as /api/v1/events lists them, paging through the whole ledger. */
    private List<String> ledgerStream(String streamId) throws Exception {
        List<String> types = new ArrayList<>();
        long after = 0;
        while (true) {
            Answer page = send("GET", "/api/v1/events?limit=1000&after=" + after, AUDITOR_KEY, null, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode events = page.json().get("events");
            if (events.isEmpty()) {
                return types;
            }
            for (JsonNode e : events) {
                if (e.get("stream").asText().equals(streamId)) {
                    types.add(e.get("type").asText());
                }
            }
            after = page.json().get("next").asLong();
        }
    }
}
