package com.callpermissionledger.audit;

import com.callpermissionledger.http.Keys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** GET .../events: the full history of a pair from sequence 0, as stored, with who caused each event. */
class HistoryApiTest extends AuditApiTestSupport {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String HEX64 = "[0-9a-f]{64}";

    @Test
    void fullHistoryInOrderWithDecisionsRefusalsAndOrigin() throws Exception {
        String business = "7101";
        String user = "491710000001";
        String root = pairRoot(business, user);
        List<Instant> at = new ArrayList<>();
        List<Instant> wall = new ArrayList<>();

        at.add(advance("PT1M"));
        wall.add(wallMark());
        expect(201, "POST", root + "/permission-requests", "{\"requestId\":\"wamid.h1\",\"channel\":\"TEMPLATE\"}",
                Map.of("X-Api-Key", Keys.UPSTREAM, "X-Correlation-Id", "corr-h-1"));
        at.add(advance("PT1M"));
        wall.add(wallMark());
        JsonNode refused = expect(429, "POST", root + "/permission-requests",
                "{\"requestId\":\"wamid.h2\",\"channel\":\"TEMPLATE\"}",
                Map.of("X-Api-Key", Keys.UPSTREAM, "X-Correlation-Id", "corr-h-2"));
        assertThat(refused.get("code").asText()).isEqualTo("REQUEST_LIMIT_24H");
        at.add(advance("PT1M"));
        wall.add(wallMark());
        expect(200, "POST", root + "/permission-requests/wamid.h1/delivered", "{}");
        at.add(advance("PT1M"));
        wall.add(wallMark());
        expect(200, "POST", root + "/permission-requests/wamid.h1/reply", "{\"response\":\"ACCEPT\"}",
                Map.of("X-Api-Key", Keys.HASHED_UPSTREAM, "X-Correlation-Id", "corr-h-4"));
        at.add(advance("PT1M"));
        wall.add(wallMark());
        expect(201, "POST", root + "/calls", "{\"callId\":\"wacid.h1\"}");
        at.add(advance("PT1M"));
        wall.add(wallMark());
        expect(200, "POST", root + "/calls/wacid.h1/outcome", "{\"outcome\":\"UNANSWERED\"}");
        at.add(advance("PT1M"));
        wall.add(wallMark());
        // a malformed correlation id is ignored: the command's message id stands in
        expect(200, "POST", root + "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}",
                Map.of("X-Correlation-Id", "bad/corr"));
        at.add(advance("PT1M"));
        wall.add(wallMark());
        expect(403, "POST", root + "/calls", "{\"callId\":\"wacid.h2\"}");

        wall.add(wallMark());

        List<JsonNode> events = history(business, user);

        assertThat(types(events)).containsExactly("PermissionRequested", "PermissionRequestRefused",
                "PermissionRequestDelivered", "PermissionReplyRecorded", "PermissionGranted", "CallPlaced",
                "CallOutcomeRecorded", "PermissionRevoked", "CallRefused");
        // the command each event came from: index into at
        int[] step = {0, 1, 2, 3, 3, 4, 5, 6, 7};
        long lastPosition = -1;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertThat(e.get("sequence").asLong()).as("sequence of event " + i).isEqualTo(i);
            assertThat(e.get("stream").asText()).isEqualTo(business + ":" + user);
            assertThat(e.get("position").asLong()).as("global position grows").isGreaterThan(lastPosition);
            lastPosition = e.get("position").asLong();
            assertThat(instant(e.get("occurredAt"))).as("occurredAt of " + e.get("type")).isEqualTo(at.get(step[i]));
            assertRecordedWithin(e, wall.get(step[i]), wall.get(step[i] + 1));
            assertThat(instant(e.get("payload").get("occurredAt"))).isEqualTo(at.get(step[i]));
            assertThat(e.get("payload").get("pairId").get("business").asText()).isEqualTo(business);
            assertThat(e.get("payload").get("pairId").get("user").asText()).isEqualTo(user);
        }

        // policy and rule, as the entry shows them and as the payload holds them
        assertPolicyAndRule(events.get(1), "whatsapp-v1", "R-REQUEST-24H");
        assertPolicyAndRule(events.get(2), null, null);
        assertPolicyAndRule(events.get(3), null, null);
        assertPolicyAndRule(events.get(4), "whatsapp-v1", "R-REPLY-ACCEPT");
        assertPolicyAndRule(events.get(6), null, null);
        assertPolicyAndRule(events.get(7), "whatsapp-v1", "R-PROFILE-REVOKE");
        assertPolicyAndRule(events.get(8), "whatsapp-v1", "R-PERMISSION-REQUIRED");
        assertThat(text(events.get(0), "policy")).isEqualTo("whatsapp-v1");
        assertThat(text(events.get(5), "policy")).isEqualTo("whatsapp-v1");

        JsonNode requested = events.get(0).get("payload");
        assertThat(requested.get("requestId").asText()).isEqualTo("wamid.h1");
        assertThat(requested.get("channel").asText()).isEqualTo("TEMPLATE");
        assertThat(instant(requested.get("expiresAt"))).isEqualTo(at.get(0).plus(Duration.ofDays(7)));

        JsonNode requestRefusal = events.get(1).get("payload");
        assertThat(requestRefusal.get("requestId").asText()).isEqualTo("wamid.h2");
        assertThat(requestRefusal.get("code").asText()).isEqualTo("REQUEST_LIMIT_24H");
        assertThat(instant(requestRefusal.get("retryAt"))).isEqualTo(at.get(0).plus(Duration.ofHours(24)));
        assertThat(requestRefusal.get("evidence")).hasSize(1);
        assertThat(instant(requestRefusal.get("evidence").get(0))).isEqualTo(at.get(0));

        JsonNode delivered = events.get(2).get("payload");
        assertThat(delivered.get("requestId").asText()).isEqualTo("wamid.h1");
        assertThat(instant(delivered.get("expiresAt"))).isEqualTo(at.get(2).plus(Duration.ofDays(7)));
        assertThat(delivered.get("learned").asBoolean()).isFalse();

        JsonNode reply = events.get(3).get("payload");
        assertThat(reply.get("response").asText()).isEqualTo("ACCEPT");
        assertThat(reply.get("permanent").asBoolean()).isFalse();

        JsonNode granted = events.get(4).get("payload");
        assertThat(granted.get("source").asText()).isEqualTo("REQUEST");
        assertThat(granted.get("kind").asText()).isEqualTo("TEMPORARY");
        assertThat(granted.get("reference").asText()).isEqualTo("wamid.h1");
        assertThat(instant(granted.get("expiresAt"))).isEqualTo(at.get(3).plus(Duration.ofHours(168)));

        assertThat(events.get(5).get("payload").get("callId").asText()).isEqualTo("wacid.h1");
        assertThat(events.get(6).get("payload").get("outcome").asText()).isEqualTo("UNANSWERED");
        assertThat(events.get(6).get("payload").get("consecutiveMisses").asInt()).isEqualTo(1);
        assertThat(events.get(7).get("payload").get("source").asText()).isEqualTo("BUSINESS_PROFILE");

        JsonNode callRefusal = events.get(8).get("payload");
        assertThat(callRefusal.get("callId").asText()).isEqualTo("wacid.h2");
        assertThat(callRefusal.get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(callRefusal.get("evidence")).isEmpty();

        // origin: the API key's name as client; the caller's correlation id when well-formed, else the command's message id
        assertOrigin(events.get(0), "test-upstream", "corr-h-1");
        assertOrigin(events.get(1), "test-upstream", "corr-h-2");
        assertOrigin(events.get(3), "hashed-upstream", "corr-h-4");
        assertOrigin(events.get(4), "hashed-upstream", "corr-h-4");
        Set<String> generated = new HashSet<>();
        for (int i : new int[] {2, 5, 6, 7, 8}) {
            JsonNode meta = events.get(i).get("metadata");
            assertThat(meta.get("client").asText()).as("client of " + i).isEqualTo("test-admin");
            assertThat(meta.get("correlationId").asText()).as("generated correlation id of " + i).matches(UUID);
            generated.add(meta.get("correlationId").asText());
        }
        assertThat(generated).as("each command has its own message id").hasSize(5);

        // the hash chain as metadata: genesis, then each previousHash is the hash before it
        String previous = ChainHash.GENESIS;
        for (JsonNode e : events) {
            JsonNode meta = e.get("metadata");
            assertThat(meta.get("hash").asText()).matches(HEX64);
            assertThat(meta.get("previousHash").asText()).as("previousHash of " + e.get("sequence")).isEqualTo(previous);
            previous = meta.get("hash").asText();
        }
    }

    @Test
    void oneCommandsEventsShareItsGeneratedCorrelationId() throws Exception {
        String root = pairRoot("7102", "491710000002");
        advance("PT1M");
        expect(200, "POST", root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        for (String call : List.of("wacid.c1", "wacid.c2")) {
            advance("PT1M");
            expect(201, "POST", root + "/calls", "{\"callId\":\"" + call + "\"}");
            advance("PT1M");
            expect(200, "POST", root + "/calls/" + call + "/outcome", "{\"outcome\":\"REJECTED\"}");
        }
        List<JsonNode> events = history("7102", "491710000002");
        assertThat(types(events)).containsExactly("PermissionGranted", "CallPlaced", "CallOutcomeRecorded",
                "CallPlaced", "CallOutcomeRecorded", "UnansweredCallsWarningRaised");
        JsonNode outcome = events.get(4).get("metadata");
        JsonNode warning = events.get(5).get("metadata");
        assertThat(warning.get("correlationId").asText()).matches(UUID)
                .isEqualTo(outcome.get("correlationId").asText());
        assertThat(warning.get("client").asText()).isEqualTo("test-admin");
        assertThat(events.get(3).get("metadata").get("correlationId").asText())
                .isNotEqualTo(outcome.get("correlationId").asText());
        assertPolicyAndRule(events.get(5), "whatsapp-v1", "R-MISS-WARNING");
        assertThat(events.get(5).get("payload").get("consecutiveMisses").asInt()).isEqualTo(2);
    }

    @Test
    void expiryIsDatedWhenItFellDueAndRecordedWhenTheSweeperNoticedIt() throws Exception {
        String business = "7103";
        String user = "491710000003";
        Instant granted = advance("PT1M");
        expect(200, "POST", pairRoot(business, user) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        Instant beforeNoticed = wallMark();
        advance("PT170H");

        List<JsonNode> events = awaitHistory(business, user, 2);
        assertThat(types(events)).containsExactly("PermissionGranted", "PermissionExpired");
        JsonNode expired = events.get(1);
        assertThat(instant(expired.get("occurredAt"))).isEqualTo(granted.plus(Duration.ofHours(168)));
        // recorded when the sweeper noticed it, by real time
        assertRecordedWithin(expired, beforeNoticed, wallMark());
        assertThat(text(expired, "rule")).isEqualTo("R-TEMPORARY-168H");
        assertThat(instant(expired.get("payload").get("grantedAt"))).isEqualTo(granted);
        assertThat(expired.get("metadata").get("client").asText()).isEqualTo("ledger-expiry-sweeper");
        assertThat(expired.get("metadata").get("correlationId").asText()).matches(UUID);
    }

    /**
     * docs/audit.md: "decisions, each with the policy it was made under and the rule id of rules.md:
     * PermissionRequested, PermissionGranted, PermissionRevoked, PermissionExpired, PermissionRequestExpired,
     * CallPlaced, RequestLimitsReset, UnansweredCallsWarningRaised".
     */
    @Test
    void decisionEventsNameTheirPolicyAndRule() throws Exception {
        String business = "7104";
        String user = "491710000004";
        String root = pairRoot(business, user);
        advance("PT1M");
        expect(201, "POST", root + "/permission-requests", "{\"requestId\":\"wamid.d1\",\"channel\":\"TEMPLATE\"}");
        advance("PT1M");
        expect(200, "POST", root + "/permission-requests/wamid.d1/reply", "{\"response\":\"ACCEPT\"}");
        advance("PT1M");
        expect(201, "POST", root + "/calls", "{\"callId\":\"wacid.d1\"}");
        advance("PT1M");
        expect(200, "POST", root + "/calls/wacid.d1/outcome", "{\"outcome\":\"CONNECTED\"}");
        for (String call : List.of("wacid.d2", "wacid.d3")) {
            advance("PT1M");
            expect(201, "POST", root + "/calls", "{\"callId\":\"" + call + "\"}");
            advance("PT1M");
            expect(200, "POST", root + "/calls/" + call + "/outcome", "{\"outcome\":\"UNANSWERED\"}");
        }
        advance("PT169H");
        advance("PT1M");
        expect(200, "POST", root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        advance("PT1M");
        expect(200, "POST", root + "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}");

        List<JsonNode> events = history(business, user);
        // docs/audit.md: decisions made under a policy name it; decisions made by a rule cite it
        Set<String> underPolicy = Set.of("PermissionRequested", "PermissionGranted", "PermissionRevoked",
                "CallPlaced", "UnansweredCallsWarningRaised");
        Set<String> byRule = Set.of("PermissionGranted", "PermissionRevoked", "PermissionExpired",
                "PermissionRequestExpired", "RequestLimitsReset", "UnansweredCallsWarningRaised");
        assertThat(types(events)).containsAll(underPolicy).containsAll(byRule);
        List<String> missing = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.get("type").asText();
            if (underPolicy.contains(type) && text(e, "policy") == null) {
                missing.add(type + " without policy");
            }
            if (byRule.contains(type) && text(e, "rule") == null) {
                missing.add(type + " without rule");
            }
        }
        assertThat(missing).as("decision events lacking the policy or rule docs/audit.md promises").isEmpty();
    }

    @Test
    void unknownPairHasAnEmptyHistoryAndBadIdentifiersAreProblems() throws Exception {
        assertThat(getJson(pairRoot("7105", "491710000005") + "/events").get("events")).isEmpty();
        assertProblem(get("/api/v1/businesses/71x5/users/491710000005/events"), 400, "INVALID_IDENTIFIER");
        assertProblem(get("/api/v1/businesses/7105/users/49-1/events"), 400, "INVALID_IDENTIFIER");
    }

    private List<JsonNode> awaitHistory(String business, String user, int size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> events = history(business, user);
        while (events.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(100);
            events = history(business, user);
        }
        return events;
    }

    private void assertPolicyAndRule(JsonNode entry, String policy, String rule) {
        String type = entry.get("type").asText();
        assertThat(text(entry, "policy")).as("policy of " + type).isEqualTo(policy);
        assertThat(text(entry, "rule")).as("rule of " + type).isEqualTo(rule);
        assertThat(text(entry.get("payload"), "policy")).as("payload policy of " + type).isEqualTo(policy);
        assertThat(text(entry.get("payload"), "rule")).as("payload rule of " + type).isEqualTo(rule);
    }

    private void assertOrigin(JsonNode entry, String client, String correlationId) {
        assertThat(entry.get("metadata").get("client").asText()).as("client of " + entry.get("type")).isEqualTo(client);
        assertThat(entry.get("metadata").get("correlationId").asText()).as("correlationId of " + entry.get("type"))
                .isEqualTo(correlationId);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
