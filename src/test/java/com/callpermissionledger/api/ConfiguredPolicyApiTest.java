package com.callpermissionledger.api;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.settings.DefaultPolicyChanged;
import com.callpermissionledger.settings.PolicyDefined;
import com.callpermissionledger.settings.PolicyRegister;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.ProblemAssertions.assertRefusal;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator-defined policy ({@code ledger.policies.trial-3}, see {@link HeldSweeperApiSupport}) end to end:
 * chosen in the settings, recorded with its numbers on first use, decided under, shown in the status answer
 * and on the dashboard.
 */
class ConfiguredPolicyApiTest extends HeldSweeperApiSupport {

    @Test
    void aConfiguredPolicyIsChosenInTheSettingsAndDecidesCallsAndRequestsWithItsNumbers() {
        Pair pair = newPair();
        JsonNode chosen = assertOk(put(pair.settingsPath(), "{\"policy\":\"trial-3\"}"), 200);
        assertThat(chosen.get("policy").asText()).isEqualTo("trial-3");
        assertThat(assertOk(get(pair.settingsPath()), 200).get("policy").asText()).isEqualTo("trial-3");

        granted(pair);
        for (int i = 1; i <= 3; i++) {
            assertOk(placeCall(pair, "wacid.t" + i), 201);
        }
        Instant firstCall = events(pair, CallPlaced.class).get(0).occurredAt();
        Instant now = advance(Duration.ofMillis(1));
        assertRefusal(placeCall(pair, "wacid.t4"), 429, "CALL_LIMIT_24H", "R-CALL-CAP", 138012,
                firstCall.plus(DAY), now);
        assertThat(events(pair, CallPlaced.class)).extracting(CallPlaced::policy).containsOnly("trial-3");

        assertOk(sendRequest(pair, "wamid.t1"), 201);
        assertOk(sendRequest(pair, "wamid.t2"), 201);
        assertThat(sendRequest(pair, "wamid.t3").status()).as("two requests a day under trial-3").isEqualTo(429);

        JsonNode status = callPermission(pair).json();
        assertThat(status.get("ledger").get("policy").asText()).isEqualTo("trial-3");
        assertThat(status.get("actions").get(0).get("limits").get(0).get("max_allowed").asInt()).isEqualTo(2);
        assertThat(status.get("actions").get(0).get("limits").get(1).get("max_allowed").asInt()).isEqualTo(4);
        assertThat(status.get("actions").get(1).get("limits").get(0).get("max_allowed").asInt()).isEqualTo(3);
        assertThat(status.get("actions").get(1).get("limits").get(0).get("current_usage").asInt()).isEqualTo(3);

        String dashboard = "/api/v1/dashboard/pairs/" + pair.business() + "/" + pair.user();
        eventually(Duration.ofSeconds(10), "the dashboard shows the pair's three calls",
                () -> get(dashboard).status() == 200
                        && get(dashboard).json().get("pair").get("connectedCalls24h").asInt() == 3);
        JsonNode item = get(dashboard).json().get("pair");
        assertThat(item.get("policy").asText()).isEqualTo("trial-3");
        assertThat(item.get("callCap").asInt()).isEqualTo(3);
        assertThat(item.get("canCall").asBoolean()).isFalse();
        assertThat(item.get("callBlockedBy").asText()).isEqualTo("R-CALL-CAP");
    }

    @Test
    void aPolicyIsRecordedWithItsNumbersTheFirstTimeItIsUsedAndOnlyThen() {
        assertThat(events(PolicyRegister.ID)).as("the configured default is recorded at start-up")
                .contains(new DefaultPolicyChanged("whatsapp-v1", ((DefaultPolicyChanged) events(PolicyRegister.ID)
                        .stream().filter(DefaultPolicyChanged.class::isInstance).findFirst().orElseThrow()).occurredAt()));
        settings(newPair().business(), "{\"policy\":\"trial-3\"}");
        settings(newPair().business(), "{\"policy\":\"trial-3\"}");

        assertThat(events(PolicyRegister.ID).stream().filter(PolicyDefined.class::isInstance)
                .map(PolicyDefined.class::cast).filter(d -> d.name().equals("trial-3")))
                .singleElement().satisfies(d -> {
                    assertThat(d.callCap()).isEqualTo(3);
                    assertThat(d.requestCapShort()).isEqualTo(2);
                    assertThat(d.requestCapLong()).isEqualTo(4);
                    assertThat(d.warnAfterMisses()).isEqualTo(3);
                    assertThat(d.revokeAfterMisses()).isEqualTo(5);
                    assertThat(d.temporaryValidity()).isEqualTo(TEMPORARY_VALIDITY);
                    assertThat(d.permanentPermissions()).isTrue();
                });
    }

    @Test
    void aPolicyThatIsNotConfiguredCannotBeChosen() {
        Pair pair = newPair();
        JsonNode problem = assertProblem(put(pair.settingsPath(), "{\"policy\":\"trial-4\"}"), 400, "INVALID_REQUEST");
        assertThat(problem.get("detail").asText()).contains("trial-4").contains("trial-3");
        assertThat(events("settings:" + pair.business())).isEmpty();
    }
}
