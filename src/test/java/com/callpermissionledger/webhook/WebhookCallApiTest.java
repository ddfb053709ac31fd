package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.webhook.Payloads.callStatus;
import static com.callpermissionledger.webhook.Payloads.connect;
import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.terminate;
import static org.assertj.core.api.Assertions.assertThat;

/** Every call outcome of the reference (section 4), from the platform's call events and statuses. */
class WebhookCallApiTest extends WebhookApiSupport {

    private static final String BUSINESS_CALL = "BUSINESS_INITIATED";
    private static final String USER_CALL = "USER_INITIATED";

    @Test
    void aConnectEventAloneChangesNothing() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();

        JsonNode report = deliver(envelope(connect(pair.business(), pair.user(), "wacid.C1", at)));

        assertThat(report.get("ignored").asInt()).isEqualTo(1);
        assertThat(events(pair)).isEmpty();
    }

    @Test
    void acceptedIsConnectedAtThePickUpAndItsTerminateChangesNothing() {
        Pair pair = newPair();
        Instant picked = alignToWholeSecond();
        deliver(envelope(callStatus(pair.business(), pair.user(), "wacid.C2", "RINGING", picked.minusSeconds(5)),
                callStatus(pair.business(), pair.user(), "wacid.C2", "ACCEPTED", picked)));
        Instant end = advance(Duration.ofMinutes(3));

        JsonNode report = deliver(envelope(terminate(pair.business(), pair.user(), "wacid.C2", BUSINESS_CALL, end,
                picked, null)));

        assertThat(report.get("unchanged").asInt()).isEqualTo(1);
        assertThat(events(pair, CallOutcomeRecorded.class)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(CallOutcome.CONNECTED);
            assertThat(o.occurredAt()).isEqualTo(picked);
        });
    }

    @Test
    void aTerminateBeforeItsStatusGivesTheSameOutcomeAsInOrder() {
        Pair picked = newPair();
        Pair declined = newPair();
        Instant start = alignToWholeSecond();
        Instant end = advance(Duration.ofMinutes(2));

        deliver(envelope(terminate(picked.business(), picked.user(), "wacid.O1", BUSINESS_CALL, end, start, null),
                terminate(declined.business(), declined.user(), "wacid.O2", BUSINESS_CALL, start, null, null)));
        JsonNode late = deliver(envelope(callStatus(picked.business(), picked.user(), "wacid.O1", "ACCEPTED", start),
                callStatus(declined.business(), declined.user(), "wacid.O2", "REJECTED", start)));

        assertThat(late.get("unchanged").asInt()).isEqualTo(2);
        assertThat(events(picked, CallOutcomeRecorded.class)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(CallOutcome.CONNECTED);
            assertThat(o.occurredAt()).isEqualTo(start);
        });
        assertThat(events(declined, CallOutcomeRecorded.class)).singleElement()
                .satisfies(o -> assertThat(o.consecutiveMisses()).as("one miss, whichever report came first").isEqualTo(1));
    }

    @Test
    void aTerminateWithStartTimeIsConnectedEvenWhenItEndedWithAnError() {
        Pair pair = newPair();
        Instant start = alignToWholeSecond().minusSeconds(60);

        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.C3", BUSINESS_CALL, start.plusSeconds(30),
                start, 138021)));

        assertThat(events(pair, CallOutcomeRecorded.class)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(CallOutcome.CONNECTED);
            assertThat(o.occurredAt()).isEqualTo(start);
        });
    }

    @Test
    void rejectedIsAMissAndTheTerminateThatFollowsChangesNothing() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();

        deliver(envelope(callStatus(pair.business(), pair.user(), "wacid.C4", "REJECTED", at),
                terminate(pair.business(), pair.user(), "wacid.C4", BUSINESS_CALL, at.plusSeconds(1).minusSeconds(1),
                        null, null)));

        assertThat(events(pair, CallOutcomeRecorded.class)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(CallOutcome.REJECTED);
            assertThat(o.consecutiveMisses()).isEqualTo(1);
        });
    }

    @Test
    void aTerminateWithNeitherStartTimeNorErrorIsUnanswered() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();

        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.C5", BUSINESS_CALL, at, null, null)));

        assertThat(events(pair, CallOutcomeRecorded.class)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(CallOutcome.UNANSWERED);
            assertThat(o.occurredAt()).isEqualTo(at);
        });
    }

    @Test
    void aTerminateWithATechnicalErrorAndNoStartIsAFailure() {
        Pair pair = newPair();
        Instant at = alignToWholeSecond();

        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.C6", BUSINESS_CALL, at, null, 138019)));

        assertThat(events(pair, CallOutcomeRecorded.class)).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(o.consecutiveMisses()).as("a technical failure is not a miss").isZero();
        });
    }

    @Test
    void aCallPlacedThroughTheLedgerGetsItsOutcomeFromTheWebhook() {
        Pair pair = newPair();
        admin("POST", pair.path("/permission/grant"), "{\"source\":\"BUSINESS_PROFILE\"}");
        placeCall(pair, "wacid.C7");
        Instant at = alignToWholeSecond();

        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.C7", BUSINESS_CALL, at, null, null)));

        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, CallPlaced.class,
                CallOutcomeRecorded.class);
    }

    @Test
    void userInitiatedCallsAreConnectedWhenPickedUpAndMissedOtherwise() {
        Pair pair = newPair();
        Instant start = alignToWholeSecond();
        Instant end = advance(Duration.ofMinutes(2));

        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.U1", USER_CALL, end, start, null),
                terminate(pair.business(), pair.user(), "wacid.U2", USER_CALL, end, null, null)));

        assertThat(events(pair, UserCallRecorded.class)).satisfiesExactly(
                c -> {
                    assertThat(c.outcome()).isEqualTo(UserCallOutcome.CONNECTED);
                    assertThat(c.occurredAt()).isEqualTo(start);
                },
                c -> {
                    assertThat(c.outcome()).isEqualTo(UserCallOutcome.MISSED);
                    assertThat(c.occurredAt()).isEqualTo(end);
                });
    }

    @Test
    void aConnectedCallResetsTheRequestLimitsAtTheInstantItConnectedNotWhenReported() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.R8");
        Instant connected = alignToWholeSecond();
        Instant reported = advance(Duration.ofMinutes(30));

        deliver(envelope(terminate(pair.business(), pair.user(), "wacid.C8", BUSINESS_CALL, reported, connected,
                null)));

        assertThat(events(pair, RequestLimitsReset.class)).singleElement()
                .satisfies(r -> assertThat(r.occurredAt()).isEqualTo(connected));
        assertThat(callPermission(pair).get("actions").get(0).get("can_perform_action").asBoolean()).isTrue();
    }
}
