package com.callpermissionledger.api;

import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.ProblemAssertions.assertProblem;

import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.RuleId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/businesses/{business}/rules}: the numbers of the policy in force for the business, and
 * the wording of every rule and expiry reason, which the dashboard shows instead of keeping copies. Every
 * answer is checked against the OpenAPI document by {@link HttpApiSupport#send}.
 */
class RulesInForceApiTest extends HttpApiSupport {

    @Test
    void aBusinessOnTheDefaultPolicyGetsItsNumbersAndEveryRulesWording() {
        String business = newPair().business();
        JsonNode answer = assertOk(get("/api/v1/businesses/" + business + "/rules"), 200);

        assertThat(answer.get("business").asText()).isEqualTo(business);
        JsonNode policy = answer.get("policy");
        assertThat(policy.get("name").asText()).isEqualTo("whatsapp-v1");
        assertThat(policy.get("permanentPermissions").asBoolean()).isFalse();
        assertThat(policy.get("temporaryValidity").asText()).isEqualTo("PT168H");
        assertThat(policy.get("callCap").asInt()).isEqualTo(5);
        assertThat(policy.get("callWindow").asText()).isEqualTo("PT24H");
        assertThat(policy.get("requestCapShort").asInt()).isEqualTo(1);
        assertThat(policy.get("requestWindowShort").asText()).isEqualTo("PT24H");
        assertThat(policy.get("requestCapLong").asInt()).isEqualTo(2);
        assertThat(policy.get("requestWindowLong").asText()).isEqualTo("PT168H");
        assertThat(policy.get("warnAfterMisses").asInt()).isEqualTo(2);
        assertThat(policy.get("revokeAfterMisses").asInt()).isEqualTo(4);
        assertThat(policy.get("requestExpiry").asText()).isEqualTo("PT168H");

        List<String> rules = new ArrayList<>();
        answer.get("rules").forEach(r -> {
            RuleId rule = Arrays.stream(RuleId.values()).filter(id -> id.id().equals(r.get("id").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("not a rule id: " + r));
            assertThat(r.get("words").asText()).isEqualTo(rule.words());
            rules.add(rule.id());
        });
        assertThat(rules).containsExactlyElementsOf(Arrays.stream(RuleId.values()).map(RuleId::id).toList());

        List<String> reasons = new ArrayList<>();
        answer.get("requestExpiryReasons").forEach(r -> {
            RequestExpiryReason reason = RequestExpiryReason.valueOf(r.get("reason").asText());
            assertThat(r.get("words").asText()).isEqualTo(reason.words());
            assertThat(r.get("meaning").asText()).isEqualTo(reason.meaning());
            reasons.add(reason.name());
        });
        assertThat(reasons).containsExactlyElementsOf(Arrays.stream(RequestExpiryReason.values()).map(Enum::name).toList());
    }

    @Test
    void theNumbersFollowTheBusinessToAnotherPolicy() {
        Pair pair = newPair();
        settings(pair.business(), "{\"policy\":\"whatsapp-v2\"}");
        JsonNode policy = assertOk(get("/api/v1/businesses/" + pair.business() + "/rules"), 200).get("policy");
        assertThat(policy.get("name").asText()).isEqualTo("whatsapp-v2");
        assertThat(policy.get("permanentPermissions").asBoolean()).isTrue();
        assertThat(policy.get("callCap").asInt()).isEqualTo(100);
        assertThat(assertOk(get("/api/v1/businesses/" + newPair().business() + "/rules"), 200)
                .path("policy").path("callCap").asInt()).as("another business stays on the default").isEqualTo(5);
    }

    @Test
    void aBusinessThatIsNotANumberIsAnInvalidIdentifier() {
        assertProblem(get("/api/v1/businesses/acme/rules"), 400, "INVALID_IDENTIFIER");
    }
}
