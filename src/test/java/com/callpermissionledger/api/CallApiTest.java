package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.ProblemAssertions.assertRefusal;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** POST/GET /calls, /calls/{id}/outcome: permission, the cap with calls in flight, the run of misses. */
class CallApiTest extends HttpApiSupport {

    @Test
    void aCallWithoutPermissionIs403NoPermission() {
        Pair pair = newPair();
        Instant now = now();

        Answer refused = placeCall(pair, "wacid.none");

        JsonNode problem = assertRefusal(refused, 403, "NO_PERMISSION", "R-PERMISSION-REQUIRED", 138006, null, now);
        assertThat(problem.get("detail").asText()).contains("ledger state NONE");
        assertThat(events(pair, CallRefused.class)).singleElement().satisfies(e -> {
            assertThat(e.callId()).isEqualTo("wacid.none");
            assertThat(e.code()).isEqualTo(RefusalCode.NO_PERMISSION);
            assertThat(e.retryAt()).isNull();
        });
        assertProblem(get(pair.path("/calls/wacid.none")), 404, "UNKNOWN_CALL");
    }

    @Test
    void aPlacedCallAnswers201AndCanBeReadBack() {
        Pair pair = newPair();
        granted(pair);
        Instant t = advance(Duration.ofMinutes(1));

        Answer placed = placeCall(pair, "wacid.HBgLOne");

        JsonNode body = assertOk(placed, 201);
        assertThat(PermissionRequestApiTest.fieldNames(body)).containsExactly("callId", "placedAt", "ledger");
        assertThat(body.get("callId").asText()).isEqualTo("wacid.HBgLOne");
        assertThat(instant(body.get("placedAt"))).isEqualTo(t);
        assertThat(body.get("ledger").get("state").asText()).isEqualTo("GRANTED");

        Answer read = get(pair.path("/calls/wacid.HBgLOne"));
        assertOk(read, 200);
        assertThat(read.body()).isEqualTo(placed.body());

        Answer duplicate = placeCall(pair, "wacid.HBgLOne");
        assertThat(duplicate.status()).isEqualTo(201);
        assertThat(duplicate.body()).isEqualTo(placed.body());
        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, CallPlaced.class);
    }

    @Test
    void anUnknownCallIs404() {
        Pair pair = newPair();
        granted(pair);

        JsonNode problem = assertProblem(get(pair.path("/calls/wacid.never")), 404, "UNKNOWN_CALL");

        assertThat(problem.get("detail").asText()).contains("wacid.never");
    }

    @Test
    void anOutcomeAnswers200OnceAndAContradictingOneIs409() {
        Pair pair = newPair();
        granted(pair);
        Instant placedAt = now();
        assertOk(placeCall(pair, "wacid.out"), 201);
        Instant endedAt = advance(Duration.ofMinutes(4));

        Answer connected = outcome(pair, "wacid.out", "CONNECTED");

        JsonNode body = assertOk(connected, 200);
        assertThat(body.get("callId").asText()).isEqualTo("wacid.out");
        assertThat(instant(body.get("placedAt"))).isEqualTo(placedAt);
        assertThat(body.get("outcome").asText()).isEqualTo("CONNECTED");
        assertThat(instant(body.get("outcomeAt"))).isEqualTo(endedAt);

        Answer duplicate = outcome(pair, "wacid.out", "CONNECTED");
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.body()).isEqualTo(connected.body());

        Answer contradiction = outcome(pair, "wacid.out", "UNANSWERED");
        JsonNode problem = assertProblem(contradiction, 409, "OUTCOME_ALREADY_RECORDED");
        assertThat(problem.get("detail").asText()).contains("wacid.out").contains("CONNECTED");
        assertThat(contradiction.header("Retry-After")).isEmpty();

        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, CallPlaced.class,
                CallOutcomeRecorded.class);
    }

    @Test
    void anOutcomeForAnUnknownCallIs404UnknownCallAndRecordsNothing() {
        Pair pair = newPair();
        granted(pair);

        Answer answer = outcome(pair, "wacid.ghost", "CONNECTED");

        JsonNode problem = assertProblem(answer, 404, "UNKNOWN_CALL");
        assertThat(problem.get("detail").asText()).contains("wacid.ghost");
        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class);
    }

    @Test
    void callsInFlightCountTowardTheCapOf5UntilAnOutcomeSaysTheyDidNotConnect() {
        Pair pair = newPair();
        granted(pair);
        List<Instant> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            placed.add(advance(Duration.ofMinutes(10)));
            assertOk(placeCall(pair, "wacid.cap" + i), 201);
        }
        Instant now = advance(Duration.ofMinutes(1));

        Answer sixth = placeCall(pair, "wacid.cap6");

        JsonNode problem = assertRefusal(sixth, 429, "CALL_LIMIT_24H", "R-CALL-CAP", 138012,
                placed.get(0).plus(DAY), now);
        assertThat(problem.get("detail").asText()).contains("5 of 5");
        assertThat(problem.get("evidence")).hasSize(5);
        assertThat(events(pair, CallRefused.class)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(RefusalCode.CALL_LIMIT_24H);
            assertThat(e.retryAt()).isEqualTo(placed.get(0).plus(DAY));
            assertThat(e.evidence()).containsExactlyElementsOf(placed);
        });

        // a connected call keeps its place; an unanswered one gives it back
        assertOk(outcome(pair, "wacid.cap2", "CONNECTED"), 200);
        assertThat(placeCall(pair, "wacid.cap6").status()).isEqualTo(429);
        assertOk(outcome(pair, "wacid.cap1", "UNANSWERED"), 200);
        assertOk(placeCall(pair, "wacid.cap6"), 201);

        Instant later = now();
        Answer seventh = placeCall(pair, "wacid.cap7");
        assertRefusal(seventh, 429, "CALL_LIMIT_24H", "R-CALL-CAP", 138012, placed.get(1).plus(DAY), later);

        // the refused call is decided anew once the oldest counted call has left the rolling window
        Instant retryAt = placed.get(1).plus(DAY);
        assertThat(advance(Duration.between(later, retryAt))).isEqualTo(retryAt);
        assertOk(placeCall(pair, "wacid.cap7"), 201);
    }

    @Test
    void aFailedCallGivesItsPlaceBackWithoutCountingAsAMiss() {
        Pair pair = newPair();
        granted(pair);
        for (int i = 1; i <= 5; i++) {
            assertOk(placeCall(pair, "wacid.f" + i), 201);
        }
        assertOk(outcome(pair, "wacid.f1", "FAILED"), 200);

        JsonNode body = assertOk(placeCall(pair, "wacid.f6"), 201);

        assertThat(body.get("ledger").get("consecutiveUnanswered").asInt()).isZero();
    }

    @Test
    void twoMissesRaiseTheWarningAndFourRevokeThePermission() {
        Pair pair = newPair();
        granted(pair);

        JsonNode first = missedCall(pair, "wacid.m1", "UNANSWERED");
        assertThat(first.get("consecutiveUnanswered").asInt()).isEqualTo(1);
        assertThat(first.get("warning").asBoolean()).isFalse();
        assertThat(events(pair, UnansweredCallsWarningRaised.class)).isEmpty();

        JsonNode second = missedCall(pair, "wacid.m2", "REJECTED");
        assertThat(second.get("consecutiveUnanswered").asInt()).isEqualTo(2);
        assertThat(second.get("warning").asBoolean()).isTrue();
        assertThat(second.get("state").asText()).isEqualTo("GRANTED");
        assertThat(events(pair, UnansweredCallsWarningRaised.class)).singleElement()
                .satisfies(e -> assertThat(e.consecutiveMisses()).isEqualTo(2));
        JsonNode status = callPermission(pair).json().get("ledger");
        assertThat(status.get("warning").asBoolean()).isTrue();
        assertThat(status.get("consecutiveUnanswered").asInt()).isEqualTo(2);

        JsonNode third = missedCall(pair, "wacid.m3", "UNANSWERED");
        assertThat(third.get("consecutiveUnanswered").asInt()).isEqualTo(3);
        assertThat(third.get("state").asText()).isEqualTo("GRANTED");

        JsonNode fourth = missedCall(pair, "wacid.m4", "UNANSWERED");
        assertThat(fourth.get("consecutiveUnanswered").asInt()).isEqualTo(4);
        assertThat(fourth.get("state").asText()).isEqualTo("REVOKED");
        assertThat(fourth.has("grantSource")).isFalse();
        assertThat(events(pair, PermissionRevoked.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(RevocationSource.AUTOMATIC);
            assertThat(e.rule()).isEqualTo("R-MISS-REVOKE");
        });
        assertThat(events(pair, UnansweredCallsWarningRaised.class)).as("one warning per run").hasSize(1);

        JsonNode platform = callPermission(pair).json();
        assertThat(platform.get("permission").get("status").asText()).isEqualTo("no_permission");
        Instant now = now();
        JsonNode problem = assertRefusal(placeCall(pair, "wacid.m5"), 403, "NO_PERMISSION", "R-PERMISSION-REQUIRED",
                138006, null, now);
        assertThat(problem.get("detail").asText()).contains("REVOKED");
    }

    @Test
    void aConnectedCallEndsTheRunOfMissesAndItsWarning() {
        Pair pair = newPair();
        granted(pair);
        missedCall(pair, "wacid.c1", "UNANSWERED");
        missedCall(pair, "wacid.c2", "UNANSWERED");
        assertOk(placeCall(pair, "wacid.c3"), 201);

        JsonNode ledger = assertOk(outcome(pair, "wacid.c3", "CONNECTED"), 200).get("ledger");

        assertThat(ledger.get("consecutiveUnanswered").asInt()).isZero();
        assertThat(ledger.get("warning").asBoolean()).isFalse();
        assertThat(events(pair, CallOutcomeRecorded.class)).extracting(CallOutcomeRecorded::outcome)
                .containsExactly(CallOutcome.UNANSWERED, CallOutcome.UNANSWERED, CallOutcome.CONNECTED);
    }

    /**
     * The contract: "an accepted command sent again with the same id and content answers as the first time
     * (same status, same body)". A retried POST /calls whose first answer was lost arrives after the outcome.
     */
    @Test
    void aDuplicateCallAfterItsOutcomeAnswersWithTheSameCallInItsCurrentState() {
        Pair pair = newPair();
        granted(pair);
        JsonNode first = assertOk(placeCall(pair, "wacid.replay"), 201);
        assertOk(outcome(pair, "wacid.replay", "CONNECTED"), 200);

        JsonNode duplicate = assertOk(placeCall(pair, "wacid.replay"), 201);

        assertThat(duplicate.get("callId")).isEqualTo(first.get("callId"));
        assertThat(duplicate.get("placedAt")).isEqualTo(first.get("placedAt"));
        assertThat(duplicate.get("outcome").asText()).as("the call as it stands now").isEqualTo("CONNECTED");
        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, CallPlaced.class,
                CallOutcomeRecorded.class);
    }

    /** Places a call and records a non-connected outcome; answers the ledger view of the outcome answer. */
    private JsonNode missedCall(Pair pair, String callId, String outcome) {
        assertOk(placeCall(pair, callId), 201);
        return assertOk(outcome(pair, callId, outcome), 200).get("ledger");
    }
}
