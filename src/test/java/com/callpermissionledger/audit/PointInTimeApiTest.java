package com.callpermissionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET .../call-permission?at=: the answer the ledger would have given then. A scenario runs through simulated
 * weeks; after every step the live answer and the clock's now are kept, and at the end each past instant must
 * be answered exactly as it was live.
 */
class PointInTimeApiTest extends AuditApiTestSupport {

    private static final String BUSINESS = "7302";
    private static final String USER = "491730200001";
    private static final String ROOT = pairRoot(BUSINESS, USER);

    private record Step(String label, Instant now, JsonNode live) {
    }

    private final List<Step> steps = new ArrayList<>();

    @Test
    void everyPastAnswerIsReproducedExactly() throws Exception {
        step("nothing recorded yet");
        advance("PT1M");
        expect(200, "PUT", "/api/v1/businesses/" + BUSINESS + "/settings", "{\"policy\":\"whatsapp-v1\"}");
        step("policy v1 chosen");
        advance("PT1M");
        command(201, "/permission-requests", "{\"requestId\":\"wamid.p1\",\"channel\":\"TEMPLATE\"}", "request p1");
        advance("PT30M");
        command(200, "/permission-requests/wamid.p1/delivered", "{}", "p1 delivered");
        advance("PT2H");
        command(429, "/permission-requests", "{\"requestId\":\"wamid.p2\",\"channel\":\"TEMPLATE\"}", "p2 refused (24 h)");
        advance("PT1H");
        command(200, "/permission-requests/wamid.p1/reply", "{\"response\":\"ACCEPT\"}", "p1 accepted");
        call("wacid.p1", "UNANSWERED");
        call("wacid.p2", "REJECTED");
        call("wacid.p3", "CONNECTED");
        for (String id : List.of("wacid.p4", "wacid.p5", "wacid.p6", "wacid.p7")) {
            call(id, "CONNECTED");
        }
        advance("PT10M");
        command(429, "/calls", "{\"callId\":\"wacid.p8\"}", "p8 refused (cap)");
        advance("PT12H");
        step("12 h later");
        advance("PT12H");
        step("cap window passed");
        advance("PT1M");
        expect(200, "PUT", "/api/v1/businesses/" + BUSINESS + "/settings", "{\"policy\":\"whatsapp-v2\"}");
        step("policy v2 chosen");
        advance("PT1M");
        command(201, "/permission-requests", "{\"requestId\":\"wamid.p3\",\"channel\":\"FREE_FORM\"}", "request p3");
        advance("PT1M");
        command(200, "/permission-requests/wamid.p3/reply", "{\"response\":\"REJECT\"}", "p3 declined");
        advance("PT1H");
        command(200, "/permission-requests/wamid.p3/reply", "{\"response\":\"ACCEPT\"}", "p3 accepted after all");
        for (String id : List.of("wacid.p9", "wacid.p10", "wacid.p11", "wacid.p12")) {
            call(id, "UNANSWERED");
        }
        advance("PT1M");
        command(200, "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":true}", "permanent grant");
        advance("PT1M");
        command(409, "/permission-requests", "{\"requestId\":\"wamid.p4\",\"channel\":\"TEMPLATE\"}",
                "p4 refused (permanent)");
        advance("P3D");
        step("permanent, 3 days later");
        advance("PT1M");
        command(200, "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}", "revoked");
        advance("PT1M");
        command(200, "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}", "temporary grant");
        advance("PT167H");
        step("1 h before the temporary grant expires");
        advance("PT1H");
        step("the temporary grant expires exactly now");
        advance("PT1M");
        step("1 min after expiry");
        advance("PT1M");
        expect(200, "PUT", "/api/v1/businesses/" + BUSINESS + "/settings", "{\"callbackPermission\":\"ENABLED\"}");
        step("callback enabled");
        advance("PT1M");
        command(200, "/user-calls", "{\"callId\":\"wacid.u1\",\"outcome\":\"MISSED\"}", "user call grants");
        advance("P7D");
        step("7 days on, requests and grants expired");
        advance("P8D");
        step("8 more days");

        // the scenario did what it says
        assertThat(live("nothing recorded yet").get("permission").get("status").asText()).isEqualTo("no_permission");
        assertThat(live("p2 refused (24 h)").get("ledger").get("requestBlockedBy").get("code").asText())
                .isEqualTo("REQUEST_LIMIT_24H");
        assertThat(live("p1 accepted").get("permission").get("status").asText()).isEqualTo("temporary");
        assertThat(live("wacid.p2 REJECTED").get("ledger").get("warning").asBoolean()).isTrue();
        assertThat(live("wacid.p3 CONNECTED").get("ledger").get("warning").asBoolean()).isFalse();
        assertThat(live("p8 refused (cap)").get("ledger").get("callBlockedBy").get("code").asText())
                .isEqualTo("CALL_LIMIT_24H");
        assertThat(live("cap window passed").get("ledger").get("callBlockedBy")).isNull();
        assertThat(live("policy v1 chosen").get("ledger").get("policy").asText()).isEqualTo("whatsapp-v1");
        assertThat(live("policy v2 chosen").get("ledger").get("policy").asText()).isEqualTo("whatsapp-v2");
        assertThat(live("p3 declined").get("ledger").get("state").asText()).isEqualTo("DECLINED");
        assertThat(live("wacid.p12 UNANSWERED").get("ledger").get("state").asText()).isEqualTo("REVOKED");
        assertThat(live("permanent grant").get("permission").get("status").asText()).isEqualTo("permanent");
        assertThat(live("p4 refused (permanent)").get("ledger").get("requestBlockedBy").get("code").asText())
                .isEqualTo("PERMANENT_PERMISSION_EXISTS");
        assertThat(live("1 h before the temporary grant expires").get("permission").get("status").asText())
                .isEqualTo("temporary");
        assertThat(live("the temporary grant expires exactly now").get("ledger").get("state").asText())
                .isEqualTo("EXPIRED");
        assertThat(live("user call grants").get("ledger").get("grantSource").asText()).isEqualTo("CALLBACK");
        assertThat(live("7 days on, requests and grants expired").get("permission").get("status").asText())
                .isEqualTo("no_permission");
        assertThat(steps).hasSizeGreaterThan(40);
        assertThat(steps.stream().map(Step::now).distinct()).as("every step at its own instant").hasSameSizeAs(steps);

        Map<String, JsonNode> differences = new LinkedHashMap<>();
        for (Step step : steps) {
            JsonNode past = getJson(ROOT + "/call-permission?at=" + step.now());
            if (!past.equals(step.live())) {
                differences.put(step.label() + " at " + step.now(), past);
            }
        }
        assertThat(differences).as("past answers that differ from the live answer given then").isEmpty();
        for (Step step : steps) {
            assertThat(getJson(ROOT + "/call-permission?at=" + step.now())).as(step.label()).isEqualTo(step.live());
        }
    }

    @Test
    void atInTheFutureOrNotAnInstantIsAProblem() throws Exception {
        String root = pairRoot(BUSINESS, "491730200002");
        Instant now = now();
        JsonNode problem = assertProblem(get(root + "/call-permission?at=" + now.plusMillis(1)), 400, "INVALID_REQUEST");
        assertThat(problem.get("detail").asText()).contains("future");
        assertProblem(get(root + "/call-permission?at=" + now.plusSeconds(86_400)), 400, "INVALID_REQUEST");
        assertProblem(get(root + "/call-permission?at=tomorrow"), 400, "INVALID_REQUEST");
        assertProblem(get(root + "/call-permission?at=2026-11-24"), 400, "INVALID_REQUEST");
        assertThat(getJson(root + "/call-permission?at=" + now)).isEqualTo(getJson(root + "/call-permission"));
    }

    private void call(String callId, String outcome) throws Exception {
        advance("PT10M");
        command(201, "/calls", "{\"callId\":\"" + callId + "\"}", callId + " placed");
        advance("PT5M");
        command(200, "/calls/" + callId + "/outcome", "{\"outcome\":\"" + outcome + "\"}", callId + " " + outcome);
    }

    private void command(int status, String path, String body, String label) throws Exception {
        expect(status, "POST", ROOT + path, body);
        step(label);
    }

    private void step(String label) throws Exception {
        Instant now = now();
        steps.add(new Step(label, now, getJson(ROOT + "/call-permission")));
    }

    private JsonNode live(String label) {
        return steps.stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow().live();
    }
}
