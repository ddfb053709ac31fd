package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /call-permission answers in the platform's own shape (snake_case, Unix seconds), compared here as whole
 * JSON trees, plus the ledger's own object.
 */
class CallPermissionShapeApiTest extends HttpApiSupport {

    @Test
    void aPairWithNoHistoryMayAskButNotCall() {
        Pair pair = newPair();

        JsonNode answer = callPermission(pair).json();

        assertThat(PermissionRequestApiTest.fieldNames(answer))
                .containsExactly("messaging_product", "permission", "actions", "ledger");
        assertThat(platformPart(answer)).isEqualTo(json("""
                {"messaging_product":"whatsapp","permission":{"status":"no_permission"},"actions":[
                  {"action_name":"send_call_permission_request","can_perform_action":true,"limits":[
                    {"time_period":"PT24H","max_allowed":1,"current_usage":0},
                    {"time_period":"P7D","max_allowed":2,"current_usage":0}]},
                  {"action_name":"start_call","can_perform_action":false,"limits":[
                    {"time_period":"PT24H","max_allowed":5,"current_usage":0}]}]}"""));
        JsonNode ledger = answer.get("ledger");
        assertThat(PermissionRequestApiTest.fieldNames(ledger)).containsExactly("state", "consecutiveUnanswered",
                "warning", "policy", "callBlockedBy");
        assertThat(ledger.get("state").asText()).isEqualTo("NONE");
        assertThat(ledger.get("consecutiveUnanswered").asInt()).isZero();
        assertThat(ledger.get("warning").asBoolean()).isFalse();
        assertThat(ledger.get("policy").asText()).isEqualTo("whatsapp-v1");
        JsonNode blocked = ledger.get("callBlockedBy");
        assertThat(blocked.get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(blocked.get("rule").asText()).isEqualTo("R-PERMISSION-REQUIRED");
        assertThat(blocked.has("retryAt")).isFalse();
        assertThat(blocked.get("detail").asText()).startsWith("Rule R-PERMISSION-REQUIRED: ");
        assertThat(events(pair)).as("a query records nothing").isEmpty();
    }

    @Test
    void aTemporaryPermissionExpiresExactly604800SecondsAfterTheGrant() {
        Pair pair = newPair();
        Instant granted = granted(pair);

        JsonNode answer = callPermission(pair).json();

        long expiration = granted.getEpochSecond() + 604_800;
        assertThat(platformPart(answer)).isEqualTo(json("""
                {"messaging_product":"whatsapp","permission":{"status":"temporary","expiration_time":%d},"actions":[
                  {"action_name":"send_call_permission_request","can_perform_action":true,"limits":[
                    {"time_period":"PT24H","max_allowed":1,"current_usage":0},
                    {"time_period":"P7D","max_allowed":2,"current_usage":0}]},
                  {"action_name":"start_call","can_perform_action":true,"limits":[
                    {"time_period":"PT24H","max_allowed":5,"current_usage":0}]}]}""".formatted(expiration)));
        JsonNode ledger = answer.get("ledger");
        assertThat(ledger.get("state").asText()).isEqualTo("GRANTED");
        assertThat(ledger.get("grantSource").asText()).isEqualTo("BUSINESS_PROFILE");
        assertThat(instant(ledger.get("expiresAt"))).isEqualTo(granted.plus(TEMPORARY_VALIDITY));
        assertThat(ledger.has("callBlockedBy")).isFalse();
        assertThat(ledger.has("requestBlockedBy")).isFalse();
    }

    @Test
    void limitExpirationTimeAppearsOnlyOnceARequestWindowIsFull() {
        Pair pair = newPair();
        Instant t0 = alignToWholeSecond();
        assertOk(sendRequest(pair, "wamid.s1"), 201);

        JsonNode afterOne = callPermission(pair).json();

        assertThat(afterOne.get("actions").get(0)).isEqualTo(json("""
                {"action_name":"send_call_permission_request","can_perform_action":false,"limits":[
                  {"time_period":"PT24H","max_allowed":1,"current_usage":1,"limit_expiration_time":%d},
                  {"time_period":"P7D","max_allowed":2,"current_usage":1}]}"""
                .formatted(t0.plus(DAY).getEpochSecond())));
        assertThat(afterOne.get("ledger").get("state").asText()).isEqualTo("REQUESTED");
        assertThat(afterOne.get("ledger").get("requestBlockedBy").get("code").asText()).isEqualTo("REQUEST_LIMIT_24H");

        Instant t1 = advance(DAY);
        JsonNode freed = callPermission(pair).json();
        assertThat(freed.get("actions").get(0)).isEqualTo(json("""
                {"action_name":"send_call_permission_request","can_perform_action":true,"limits":[
                  {"time_period":"PT24H","max_allowed":1,"current_usage":0},
                  {"time_period":"P7D","max_allowed":2,"current_usage":1}]}"""));
        assertThat(freed.get("ledger").has("requestBlockedBy")).isFalse();

        assertOk(sendRequest(pair, "wamid.s2"), 201);
        JsonNode bothFull = callPermission(pair).json();
        assertThat(bothFull.get("actions").get(0)).isEqualTo(json("""
                {"action_name":"send_call_permission_request","can_perform_action":false,"limits":[
                  {"time_period":"PT24H","max_allowed":1,"current_usage":1,"limit_expiration_time":%d},
                  {"time_period":"P7D","max_allowed":2,"current_usage":2,"limit_expiration_time":%d}]}"""
                .formatted(t1.plus(DAY).getEpochSecond(), t0.plus(WEEK).getEpochSecond())));
        JsonNode blocked = bothFull.get("ledger").get("requestBlockedBy");
        assertThat(blocked.get("code").asText()).as("the window that frees later answers").isEqualTo("REQUEST_LIMIT_7D");
        assertThat(instant(blocked.get("retryAt"))).isEqualTo(t0.plus(WEEK));
    }

    @Test
    void limitExpirationTimeAppearsOnlyOnceTheCallCapIsFull() {
        Pair pair = newPair();
        alignToWholeSecond();
        Instant granted = granted(pair);
        List<Instant> placed = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            placed.add(advance(Duration.ofMinutes(1)));
            assertOk(placeCall(pair, "wacid.s" + i), 201);
        }

        JsonNode four = callPermission(pair).json();
        assertThat(four.get("actions").get(1)).isEqualTo(json("""
                {"action_name":"start_call","can_perform_action":true,"limits":[
                  {"time_period":"PT24H","max_allowed":5,"current_usage":4}]}"""));

        assertOk(placeCall(pair, "wacid.s5"), 201);
        JsonNode five = callPermission(pair).json();

        assertThat(platformPart(five)).isEqualTo(json("""
                {"messaging_product":"whatsapp","permission":{"status":"temporary","expiration_time":%d},"actions":[
                  {"action_name":"send_call_permission_request","can_perform_action":true,"limits":[
                    {"time_period":"PT24H","max_allowed":1,"current_usage":0},
                    {"time_period":"P7D","max_allowed":2,"current_usage":0}]},
                  {"action_name":"start_call","can_perform_action":false,"limits":[
                    {"time_period":"PT24H","max_allowed":5,"current_usage":5,"limit_expiration_time":%d}]}]}"""
                .formatted(granted.getEpochSecond() + 604_800, placed.get(0).plus(DAY).getEpochSecond())));
        JsonNode blocked = five.get("ledger").get("callBlockedBy");
        assertThat(blocked.get("code").asText()).isEqualTo("CALL_LIMIT_24H");
        assertThat(instant(blocked.get("retryAt"))).isEqualTo(placed.get(0).plus(DAY));
    }

    /**
     * The platform's meaning: "the moment the oldest counted use leaves the window". The ledger counts in
     * milliseconds, so in whole Unix seconds that moment must be rounded up (as Retry-After is), or a client
     * acting at limit_expiration_time is refused.
     */
    @Test
    void actingAtLimitExpirationTimeIsAllowed() {
        Pair pair = newPair();
        alignToWholeSecond();
        Instant t0 = advance(Duration.ofMillis(500));
        assertOk(sendRequest(pair, "wamid.round1"), 201);
        long limitExpiration = callPermission(pair).json().get("actions").get(0).get("limits").get(0)
                .get("limit_expiration_time").asLong();
        Instant announced = Instant.ofEpochSecond(limitExpiration);
        advance(Duration.between(t0, announced));

        Answer atAnnouncedInstant = sendRequest(pair, "wamid.round2");

        assertThat(atAnnouncedInstant.status())
                .as("request sent at limit_expiration_time %s (%s); the window frees at %s: %s", limitExpiration,
                        announced, t0.plus(DAY), atAnnouncedInstant)
                .isEqualTo(201);
    }

    @Test
    void theStateShownFollowsTheSimulatedClockEvenBeforeTheSweeperRecordsIt() {
        Pair pair = newPair();
        granted(pair);
        advance(TEMPORARY_VALIDITY.minusMillis(1));
        assertThat(callPermission(pair).json().get("permission").get("status").asText()).isEqualTo("temporary");

        advance(Duration.ofMillis(1));
        JsonNode answer = callPermission(pair).json();

        assertThat(answer.get("permission")).isEqualTo(json("{\"status\":\"no_permission\"}"));
        assertThat(answer.get("actions").get(1).get("can_perform_action").asBoolean()).isFalse();
        assertThat(answer.get("ledger").get("state").asText()).isEqualTo("EXPIRED");
        assertThat(answer.get("ledger").get("callBlockedBy").get("detail").asText()).contains("EXPIRED");
    }

    /** The answer without the ledger's own object: what the platform itself would answer. */
    private static JsonNode platformPart(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("ledger");
        return copy;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
