package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.ProblemAssertions.assertRefusal;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** Grants and revocations from the business profile, callback grants, settings, and v2 permanent permission. */
class PermissionAndSettingsApiTest extends HttpApiSupport {

    @Test
    void aProfileGrantAnswers200WithTheLedger() {
        Pair pair = newPair();
        Instant t = now();

        Answer answer = grant(pair, false);

        JsonNode ledger = assertOk(answer, 200);
        assertThat(PermissionRequestApiTest.fieldNames(ledger)).containsExactly("state", "grantSource",
                "permissionKind", "grantedAt", "expiresAt", "consecutiveUnanswered", "warning", "policy");
        assertThat(ledger.get("state").asText()).isEqualTo("GRANTED");
        assertThat(ledger.get("grantSource").asText()).isEqualTo("BUSINESS_PROFILE");
        assertThat(ledger.get("permissionKind").asText()).isEqualTo("TEMPORARY");
        assertThat(instant(ledger.get("grantedAt"))).isEqualTo(t);
        assertThat(instant(ledger.get("expiresAt"))).isEqualTo(t.plus(TEMPORARY_VALIDITY));
        assertThat(ledger.get("consecutiveUnanswered").asInt()).isZero();
        assertThat(ledger.get("warning").asBoolean()).isFalse();
        assertThat(ledger.get("policy").asText()).isEqualTo("whatsapp-v1");
        assertThat(events(pair)).singleElement().isInstanceOfSatisfying(PermissionGranted.class, e -> {
            assertThat(e.source()).isEqualTo(GrantSource.BUSINESS_PROFILE);
            assertThat(e.kind()).isEqualTo(PermissionKind.TEMPORARY);
            assertThat(e.occurredAt()).isEqualTo(t);
            assertThat(e.expiresAt()).isEqualTo(t.plus(TEMPORARY_VALIDITY));
        });
        assertOk(placeCall(pair, "wacid.granted"), 201);
    }

    @Test
    void aProfileRevocationAnswers200AndASecondOneChangesNothing() {
        Pair pair = newPair();
        granted(pair);

        Answer revoked = post(pair.path("/permission/revoke"), "{\"source\":\"BUSINESS_PROFILE\"}");

        JsonNode ledger = assertOk(revoked, 200);
        assertThat(ledger.get("state").asText()).isEqualTo("REVOKED");
        assertThat(ledger.has("grantSource")).isFalse();
        assertThat(ledger.has("expiresAt")).isFalse();
        assertThat(ledger.get("callBlockedBy").get("code").asText()).isEqualTo("NO_PERMISSION");

        Answer again = post(pair.path("/permission/revoke"), "{\"source\":\"BUSINESS_PROFILE\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(revoked.body());
        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, PermissionRevoked.class);
        assertThat(events(pair, PermissionRevoked.class).get(0).source()).isEqualTo(RevocationSource.BUSINESS_PROFILE);
        assertThat(placeCall(pair, "wacid.revoked").status()).isEqualTo(403);
    }

    @Test
    void aUserCallGrantsACallbackPermissionWhenTheSettingIsEnabled() {
        Pair pair = newPair();
        JsonNode settings = assertOk(settings(pair.business(), "{\"callbackPermission\":\"ENABLED\"}"), 200);
        assertThat(settings.get("callbackPermission").asText()).isEqualTo("ENABLED");
        Instant t = advance(Duration.ofMinutes(1));

        Answer userCall = post(pair.path("/user-calls"), "{\"callId\":\"wacid.in1\",\"outcome\":\"MISSED\"}");

        JsonNode ledger = assertOk(userCall, 200);
        assertThat(ledger.get("state").asText()).isEqualTo("GRANTED");
        assertThat(ledger.get("grantSource").asText()).isEqualTo("CALLBACK");
        assertThat(ledger.get("permissionKind").asText()).isEqualTo("TEMPORARY");
        assertThat(instant(ledger.get("expiresAt"))).isEqualTo(t.plus(TEMPORARY_VALIDITY));
        assertThat(events(pair, PermissionGranted.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(GrantSource.CALLBACK);
            assertThat(e.reference()).isEqualTo("wacid.in1");
            assertThat(e.rule()).isEqualTo("R-CALLBACK-GRANT");
        });
        JsonNode platform = callPermission(pair).json();
        assertThat(platform.get("permission").get("status").asText()).isEqualTo("temporary");
        assertThat(platform.get("permission").get("expiration_time").asLong())
                .isEqualTo(t.getEpochSecond() + 604_800);

        Answer duplicate = post(pair.path("/user-calls"), "{\"callId\":\"wacid.in1\",\"outcome\":\"MISSED\"}");
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.body()).isEqualTo(userCall.body());

        Answer conflict = post(pair.path("/user-calls"), "{\"callId\":\"wacid.in1\",\"outcome\":\"CONNECTED\"}");
        JsonNode problem = assertProblem(conflict, 409, "IDEMPOTENCY_CONFLICT");
        assertThat(problem.get("detail").asText()).contains("wacid.in1");
        assertThat(eventTypes(pair)).containsExactly(UserCallRecorded.class, PermissionGranted.class);

        assertOk(placeCall(pair, "wacid.back"), 201);
    }

    @Test
    void aUserCallGrantsNothingWhileTheCallbackSettingIsDisabled() {
        Pair pair = newPair();

        JsonNode ledger = assertOk(post(pair.path("/user-calls"), "{\"callId\":\"wacid.in2\",\"outcome\":\"CONNECTED\"}"), 200);

        assertThat(ledger.get("state").asText()).isEqualTo("NONE");
        assertThat(ledger.has("grantSource")).isFalse();
        assertThat(events(pair)).singleElement().isInstanceOfSatisfying(UserCallRecorded.class,
                e -> assertThat(e.outcome()).isEqualTo(UserCallOutcome.CONNECTED));
        assertThat(placeCall(pair, "wacid.no").status()).isEqualTo(403);
    }

    @Test
    void underV2AnAcceptCanBePermanentAndThenARequestIs409With138017() {
        Pair pair = newPair();
        JsonNode settings = assertOk(settings(pair.business(), "{\"policy\":\"whatsapp-v2\"}"), 200);
        assertThat(settings.get("policy").asText()).isEqualTo("whatsapp-v2");
        assertOk(sendRequest(pair, "wamid.v2a"), 201);

        JsonNode accepted = assertOk(reply(pair, "wamid.v2a", "ACCEPT", true), 200);

        assertThat(accepted.get("permanent").asBoolean()).isTrue();
        JsonNode ledger = accepted.get("ledger");
        assertThat(ledger.get("permissionKind").asText()).isEqualTo("PERMANENT");
        assertThat(ledger.has("expiresAt")).isFalse();
        assertThat(ledger.get("policy").asText()).isEqualTo("whatsapp-v2");
        assertThat(ledger.get("requestBlockedBy").get("code").asText()).isEqualTo("PERMANENT_PERMISSION_EXISTS");

        JsonNode platform = callPermission(pair).json();
        assertThat(platform.get("permission")).isEqualTo(JSON.createObjectNode().put("status", "permanent"));
        assertThat(platform.get("actions").get(1).get("limits").get(0).get("max_allowed").asInt())
                .as("v2 call cap").isEqualTo(100);

        Instant now = advance(DAY);
        Answer refused = sendRequest(pair, "wamid.v2b");

        assertRefusal(refused, 409, "PERMANENT_PERMISSION_EXISTS", "R-REQUEST-WHILE-PERMANENT", 138017, null, now);
        assertThat(events(pair, PermissionRequestRefused.class)).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(RefusalCode.PERMANENT_PERMISSION_EXISTS));
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class, PermissionReplyRecorded.class,
                PermissionGranted.class, PermissionRequestRefused.class);

        Instant muchLater = advance(Duration.ofDays(30));
        assertThat(callPermission(pair).json().get("permission").get("status").asText())
                .as("a permanent permission never expires").isEqualTo("permanent");
        assertRefusal(sendRequest(pair, "wamid.v2b"), 409, "PERMANENT_PERMISSION_EXISTS", "R-REQUEST-WHILE-PERMANENT",
                138017, null, muchLater);
    }

    @Test
    void underV2AProfileGrantCanBePermanent() {
        Pair pair = newPair();
        settings(pair.business(), "{\"policy\":\"whatsapp-v2\"}");

        Answer first = grant(pair, true);

        JsonNode ledger = assertOk(first, 200);
        assertThat(ledger.get("permissionKind").asText()).isEqualTo("PERMANENT");
        assertThat(ledger.get("grantSource").asText()).isEqualTo("BUSINESS_PROFILE");
        assertThat(ledger.has("expiresAt")).isFalse();
        Answer again = grant(pair, true);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(eventTypes(pair)).as("an identical permanent grant in force is not recorded twice")
                .containsExactly(PermissionGranted.class);
    }

    @Test
    void settingsDefaultToV1WithCallbackDisabledAndChangeFieldByField() {
        String business = newPair().business();
        String path = "/api/v1/businesses/" + business + "/settings";

        JsonNode initial = assertOk(get(path), 200);
        assertThat(initial).isEqualTo(JSON.createObjectNode().put("business", business)
                .put("callbackPermission", "DISABLED").put("policy", "whatsapp-v1"));

        JsonNode enabled = assertOk(put(path, "{\"callbackPermission\":\"ENABLED\"}"), 200);
        assertThat(enabled).isEqualTo(JSON.createObjectNode().put("business", business)
                .put("callbackPermission", "ENABLED").put("policy", "whatsapp-v1"));

        JsonNode v2 = assertOk(put(path, "{\"policy\":\"whatsapp-v2\"}"), 200);
        assertThat(v2).isEqualTo(JSON.createObjectNode().put("business", business)
                .put("callbackPermission", "ENABLED").put("policy", "whatsapp-v2"));

        JsonNode both = assertOk(put(path, "{\"callbackPermission\":\"DISABLED\",\"policy\":\"whatsapp-v1\"}"), 200);
        assertThat(both).isEqualTo(initial);
        assertThat(assertOk(get(path), 200)).isEqualTo(initial);
        int recorded = events("settings:" + business).size();
        assertThat(recorded).isEqualTo(3);

        assertThat(assertOk(put(path, "{}"), 200)).isEqualTo(initial);
        assertThat(events("settings:" + business)).as("an empty change records nothing").hasSize(recorded);
    }

    @Test
    void anUnknownPolicyIs400AndChangesNothing() {
        String business = newPair().business();
        String path = "/api/v1/businesses/" + business + "/settings";
        settings(business, "{\"callbackPermission\":\"ENABLED\"}");

        Answer refused = put(path, "{\"callbackPermission\":\"DISABLED\",\"policy\":\"whatsapp-v9\"}");

        JsonNode problem = assertProblem(refused, 400, "INVALID_REQUEST");
        assertThat(problem.get("detail").asText()).contains("whatsapp-v9");
        assertThat(assertOk(get(path), 200).get("callbackPermission").asText()).isEqualTo("ENABLED");
        assertThat(events("settings:" + business)).hasSize(1);
    }

    @Test
    void aPolicyChangeAppliesToTheNextDecision() {
        Pair pair = newPair();
        granted(pair);
        for (int i = 1; i <= 5; i++) {
            assertOk(placeCall(pair, "wacid.p" + i), 201);
        }
        assertThat(placeCall(pair, "wacid.p6").status()).isEqualTo(429);

        settings(pair.business(), "{\"policy\":\"whatsapp-v2\"}");

        assertOk(placeCall(pair, "wacid.p6"), 201);
    }
}
