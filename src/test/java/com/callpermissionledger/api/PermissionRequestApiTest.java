package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
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

/** POST/GET /permission-requests, /delivered and /reply: success, every refusal, idempotency. */
class PermissionRequestApiTest extends HttpApiSupport {

    @Test
    void sendingARequestAnswers201WithTheRequestAndTheLedger() {
        Pair pair = newPair();
        Instant t0 = now();

        Answer sent = post(pair.path("/permission-requests"), "{\"requestId\":\"wamid.HBgL1\",\"channel\":\"TEMPLATE\"}");

        JsonNode body = assertOk(sent, 201);
        assertThat(fieldNames(body)).containsExactly("requestId", "status", "channel", "sentAt", "permanent",
                "expiresAt", "ledger");
        assertThat(body.get("requestId").asText()).isEqualTo("wamid.HBgL1");
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.get("channel").asText()).isEqualTo("TEMPLATE");
        assertThat(instant(body.get("sentAt"))).isEqualTo(t0);
        assertThat(body.get("permanent").asBoolean()).isFalse();
        assertThat(instant(body.get("expiresAt"))).isEqualTo(t0.plus(WEEK));
        JsonNode ledger = body.get("ledger");
        assertThat(ledger.get("state").asText()).isEqualTo("REQUESTED");
        assertThat(ledger.get("policy").asText()).isEqualTo("whatsapp-v1");
        assertThat(ledger.get("requestBlockedBy").get("code").asText()).isEqualTo("REQUEST_LIMIT_24H");
        assertThat(instant(ledger.get("requestBlockedBy").get("retryAt"))).isEqualTo(t0.plus(DAY));
        assertThat(ledger.get("callBlockedBy").get("code").asText()).isEqualTo("NO_PERMISSION");

        Answer read = get(pair.path("/permission-requests/wamid.HBgL1"));
        assertOk(read, 200);
        assertThat(read.body()).as("GET answers what POST answered").isEqualTo(sent.body());

        assertThat(events(pair)).singleElement().isInstanceOfSatisfying(PermissionRequested.class, e -> {
            assertThat(e.requestId()).isEqualTo("wamid.HBgL1");
            assertThat(e.channel()).isEqualTo(Channel.TEMPLATE);
            assertThat(e.occurredAt()).isEqualTo(t0);
            assertThat(e.expiresAt()).isEqualTo(t0.plus(WEEK));
            assertThat(e.policy()).isEqualTo("whatsapp-v1");
        });
    }

    @Test
    void anUnknownRequestIs404UnknownRequest() {
        Pair pair = newPair();
        sendRequest(pair, "wamid.known");

        Answer answer = get(pair.path("/permission-requests/wamid.unknown"));

        JsonNode problem = assertProblem(answer, 404, "UNKNOWN_REQUEST");
        assertThat(problem.get("detail").asText()).contains("wamid.unknown");
        assertThat(problem.has("retryAt")).isFalse();
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class);
    }

    @Test
    void aDuplicateRequestAnswersExactlyAsTheFirstAndRecordsNothing() {
        Pair pair = newPair();
        Answer first = sendRequest(pair, "wamid.dup");
        advance(Duration.ofMinutes(5));

        Answer second = sendRequest(pair, "wamid.dup");

        assertOk(first, 201);
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class);
    }

    @Test
    void theSameRequestIdWithOtherContentIs409IdempotencyConflict() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.same"), 201);

        Answer conflict = post(pair.path("/permission-requests"), "{\"requestId\":\"wamid.same\",\"channel\":\"TEMPLATE\"}");

        JsonNode problem = assertProblem(conflict, 409, "IDEMPOTENCY_CONFLICT");
        assertThat(problem.get("detail").asText()).contains("wamid.same");
        assertThat(problem.has("retryAt")).isFalse();
        assertThat(conflict.header("Retry-After")).isEmpty();
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class);
    }

    @Test
    void aSecondRequestWithin24HoursIs429AndSucceedsWhenRetriedAfterTheWindow() {
        Pair pair = newPair();
        Instant t0 = now();
        assertOk(sendRequest(pair, "wamid.first"), 201);
        Instant t1 = advance(Duration.ofHours(1));

        Answer refused = sendRequest(pair, "wamid.second");

        JsonNode problem = assertRefusal(refused, 429, "REQUEST_LIMIT_24H", "R-REQUEST-24H", 138009,
                t0.plus(DAY), t1);
        assertThat(refused.header("Retry-After")).contains("82800");
        assertThat(problem.get("evidence")).hasSize(1);
        assertThat(instant(problem.get("evidence").get(0))).isEqualTo(t0);
        assertThat(events(pair, PermissionRequestRefused.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("wamid.second");
            assertThat(e.code()).isEqualTo(RefusalCode.REQUEST_LIMIT_24H);
            assertThat(e.retryAt()).isEqualTo(t0.plus(DAY));
            assertThat(e.occurredAt()).isEqualTo(t1);
        });
        assertThat(get(pair.path("/permission-requests/wamid.second")).status())
                .as("a refused request is not a request").isEqualTo(404);

        Answer refusedAgain = sendRequest(pair, "wamid.second");
        assertThat(refusedAgain.status()).as("decided anew, still too early").isEqualTo(429);
        assertThat(refusedAgain.body()).isEqualTo(refused.body());

        Instant t2 = advance(Duration.ofHours(23));
        assertThat(t2).isEqualTo(t0.plus(DAY));
        Answer retried = sendRequest(pair, "wamid.second");

        JsonNode body = assertOk(retried, 201);
        assertThat(instant(body.get("sentAt"))).isEqualTo(t2);
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class, PermissionRequestRefused.class,
                PermissionRequestRefused.class, PermissionRequested.class);
    }

    @Test
    void aThirdRequestWithinSevenDaysIs429Limit7d() {
        Pair pair = newPair();
        Instant t0 = now();
        assertOk(sendRequest(pair, "wamid.w1"), 201);
        advance(DAY);
        assertOk(sendRequest(pair, "wamid.w2"), 201);
        Instant t2 = advance(DAY);

        Answer refused = sendRequest(pair, "wamid.w3");

        JsonNode problem = assertRefusal(refused, 429, "REQUEST_LIMIT_7D", "R-REQUEST-7D", 138009, t0.plus(WEEK), t2);
        assertThat(refused.header("Retry-After")).contains(Long.toString(5 * 86_400));
        assertThat(problem.get("evidence")).hasSize(2);

        Instant t3 = advance(Duration.ofDays(5));
        assertThat(t3).isEqualTo(t0.plus(WEEK));
        assertOk(sendRequest(pair, "wamid.w3"), 201);
    }

    @Test
    void deliveryAnswers200AndRestartsTheNoResponseClock() {
        Pair pair = newPair();
        Instant t0 = now();
        assertOk(sendRequest(pair, "wamid.d1"), 201);
        Instant t1 = advance(Duration.ofHours(2));

        Answer delivered = post(pair.path("/permission-requests/wamid.d1/delivered"), "{}");

        JsonNode body = assertOk(delivered, 200);
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(instant(body.get("sentAt"))).isEqualTo(t0);
        assertThat(instant(body.get("deliveredAt"))).isEqualTo(t1);
        assertThat(instant(body.get("expiresAt"))).isEqualTo(t1.plus(WEEK));
        assertThat(events(pair, PermissionRequestDelivered.class)).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).isEqualTo(t1);
            assertThat(e.expiresAt()).isEqualTo(t1.plus(WEEK));
            assertThat(e.learned()).isFalse();
        });

        Answer again = post(pair.path("/permission-requests/wamid.d1/delivered"), "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(delivered.body());
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class, PermissionRequestDelivered.class);
    }

    @Test
    void acceptingARequestAnswers200AndGrantsATemporaryPermission() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.a1"), 201);
        Instant t1 = advance(Duration.ofHours(3));

        Answer accepted = reply(pair, "wamid.a1", "ACCEPT", false);

        JsonNode body = assertOk(accepted, 200);
        assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("response").asText()).isEqualTo("ACCEPT");
        assertThat(body.get("permanent").asBoolean()).isFalse();
        assertThat(instant(body.get("repliedAt"))).isEqualTo(t1);
        assertThat(instant(body.get("expiresAt"))).isEqualTo(t1.plus(WEEK));
        JsonNode ledger = body.get("ledger");
        assertThat(ledger.get("state").asText()).isEqualTo("GRANTED");
        assertThat(ledger.get("grantSource").asText()).isEqualTo("REQUEST");
        assertThat(ledger.get("permissionKind").asText()).isEqualTo("TEMPORARY");
        assertThat(instant(ledger.get("grantedAt"))).isEqualTo(t1);
        assertThat(instant(ledger.get("expiresAt"))).isEqualTo(t1.plus(TEMPORARY_VALIDITY));
        assertThat(ledger.has("callBlockedBy")).isFalse();

        Answer duplicate = reply(pair, "wamid.a1", "ACCEPT", false);
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.body()).isEqualTo(accepted.body());

        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class, PermissionReplyRecorded.class,
                PermissionGranted.class);
        assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(GrantSource.REQUEST);
            assertThat(e.kind()).isEqualTo(PermissionKind.TEMPORARY);
            assertThat(e.reference()).isEqualTo("wamid.a1");
            assertThat(e.expiresAt()).isEqualTo(t1.plus(TEMPORARY_VALIDITY));
        });
    }

    @Test
    void underV1APermanentAcceptIsHeldAsTemporary() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.p1"), 201);
        Instant t = now();

        JsonNode ledger = assertOk(reply(pair, "wamid.p1", "ACCEPT", true), 200).get("ledger");

        assertThat(ledger.get("permissionKind").asText()).isEqualTo("TEMPORARY");
        assertThat(instant(ledger.get("expiresAt"))).isEqualTo(t.plus(TEMPORARY_VALIDITY));
    }

    @Test
    void decliningARequestAnswers200AndLeavesNoPermission() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.r1"), 201);

        Answer declined = reply(pair, "wamid.r1", "REJECT", false);

        JsonNode body = assertOk(declined, 200);
        assertThat(body.get("status").asText()).isEqualTo("DECLINED");
        assertThat(body.get("ledger").get("state").asText()).isEqualTo("DECLINED");
        Instant now = now();
        JsonNode problem = assertRefusal(placeCall(pair, "wacid.after-decline"), 403, "NO_PERMISSION",
                "R-PERMISSION-REQUIRED", 138006, null, now);
        assertThat(problem.get("detail").asText()).contains("DECLINED");
    }

    @Test
    void aDeclineCanBeChangedToAnAcceptUntilTheRequestExpires() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.m1"), 201);
        Instant t0 = now();
        assertOk(reply(pair, "wamid.m1", "REJECT", false), 200);
        Instant t1 = advance(Duration.ofDays(2));

        JsonNode body = assertOk(reply(pair, "wamid.m1", "ACCEPT", false), 200);

        assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(instant(body.get("expiresAt"))).as("the first reply fixes the request's expiry")
                .isEqualTo(t0.plus(WEEK));
        assertThat(instant(body.get("ledger").get("grantedAt"))).isEqualTo(t1);
        assertThat(body.get("ledger").get("state").asText()).isEqualTo("GRANTED");
    }

    @Test
    void aReplyToAnExpiredRequestIs409RequestExpiredAndGrantsNothing() {
        Pair pair = newPair();
        Instant t0 = now();
        assertOk(sendRequest(pair, "wamid.x1"), 201);
        Instant t1 = advance(WEEK);

        Answer late = reply(pair, "wamid.x1", "ACCEPT", false);

        JsonNode problem = assertRefusal(late, 409, "REQUEST_EXPIRED", "R-REQUEST-EXPIRY", null, null, t1);
        assertThat(problem.get("detail").asText()).contains("wamid.x1").contains(t0.plus(WEEK).toString());
        JsonNode request = assertOk(get(pair.path("/permission-requests/wamid.x1")), 200);
        assertThat(request.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(instant(request.get("expiredAt"))).isEqualTo(t0.plus(WEEK));
        assertThat(request.get("expiryReason").asText()).isEqualTo("NO_RESPONSE");
        assertThat(request.has("response")).isFalse();
        assertThat(events(pair, PermissionReplyRefused.class)).singleElement().satisfies(e -> {
            assertThat(e.response()).isEqualTo(ReplyResponse.ACCEPT);
            assertThat(e.expiredAt()).isEqualTo(t0.plus(WEEK));
        });
        assertThat(events(pair, PermissionGranted.class)).isEmpty();
        assertThat(placeCall(pair, "wacid.late").status()).isEqualTo(403);

        Answer again = reply(pair, "wamid.x1", "ACCEPT", false);
        assertThat(again.status()).as("a refused reply is decided anew, and refused anew").isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("REQUEST_EXPIRED");
        assertThat(events(pair, PermissionReplyRefused.class)).hasSize(2);
    }

    @Test
    void aConnectedCallResetsTheRequestLimits() {
        Pair pair = newPair();
        granted(pair);
        assertOk(sendRequest(pair, "wamid.reset1"), 201);
        assertThat(sendRequest(pair, "wamid.reset2").status()).isEqualTo(429);
        assertOk(placeCall(pair, "wacid.reset"), 201);
        assertOk(outcome(pair, "wacid.reset", "CONNECTED"), 200);

        Answer after = sendRequest(pair, "wamid.reset2");

        assertOk(after, 201);
        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, PermissionRequested.class,
                PermissionRequestRefused.class, CallPlaced.class, CallOutcomeRecorded.class,
                RequestLimitsReset.class, PermissionRequested.class);
    }

    @Test
    void aDeclineRevokesAPermissionHeld() {
        Pair pair = newPair();
        granted(pair);
        assertOk(sendRequest(pair, "wamid.rv"), 201);

        JsonNode ledger = assertOk(reply(pair, "wamid.rv", "REJECT", false), 200).get("ledger");

        assertThat(ledger.get("state").asText()).isEqualTo("DECLINED");
        assertThat(events(pair, PermissionRevoked.class)).hasSize(1);
        assertThat(events(pair, PermissionReplyRecorded.class)).singleElement().satisfies(e -> assertThat(e.response()).isEqualTo(ReplyResponse.REJECT));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
