package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md, Time: "No answer ever depends on the sweeper having run." Every read answer is taken with the
 * sweeper held off, then again after it has recorded the expiries, at the same instant: they must be equal.
 */
class SweeperIndependenceApiTest extends HeldSweeperApiSupport {

    @Test
    void aRequestAtItsExpiryInstantAnswersWithExpiredAtAndReasonBeforeTheSweeperRecordsIt() {
        Pair pair = newPair();
        JsonNode sent = assertOk(sendRequest(pair, "wamid.s1"), 201);
        Instant sentAt = instant(sent.get("sentAt"));
        Instant now = advance(WEEK);
        assertThat(now).isEqualTo(sentAt.plus(WEEK));

        List<String> before = answers(pair, List.of("/permission-requests/wamid.s1"));
        JsonNode request = json(before.get(0));
        assertThat(events(pair, PermissionRequestExpired.class)).as("the sweeper has not run").isEmpty();
        assertThat(request.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(instant(request.get("expiredAt"))).isEqualTo(sentAt.plus(WEEK));
        assertThat(request.get("expiryReason").asText()).isEqualTo("NO_RESPONSE");
        assertThat(request.get("ledger").get("state").asText()).isEqualTo("EXPIRED");

        sweeper.sweep();

        assertThat(events(pair, PermissionRequestExpired.class)).as("the sweeper has run").hasSize(1);
        assertThat(answers(pair, List.of("/permission-requests/wamid.s1"))).isEqualTo(before);
    }

    @Test
    void aCallAndTheStatusAnswerTheSameAtThe168hInstantWithOrWithoutTheSweeper() {
        Pair pair = newPair();
        Instant grantedAt = granted(pair);
        assertOk(placeCall(pair, "wacid.s1"), 201);
        assertOk(sendRequest(pair, "wamid.s2"), 201);
        Instant now = advance(TEMPORARY_VALIDITY);
        assertThat(now).isEqualTo(grantedAt.plus(TEMPORARY_VALIDITY));

        List<String> paths = List.of("/calls/wacid.s1", "/call-permission", "/permission-requests/wamid.s2");
        List<String> before = answers(pair, paths);
        JsonNode call = json(before.get(0));
        assertThat(events(pair, PermissionExpired.class)).as("the sweeper has not run").isEmpty();
        assertThat(call.get("ledger").get("state").asText()).isEqualTo("EXPIRED");
        assertThat(call.get("ledger").has("permissionKind")).isFalse();

        sweeper.sweep();

        assertThat(events(pair, PermissionExpired.class)).as("the sweeper has run").hasSize(1);
        assertThat(answers(pair, paths)).isEqualTo(before);
    }

    @Test
    void theDashboardPairAnswersTheSameWithOrWithoutTheSweeper() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.s3"), 201);
        String dashboard = "/api/v1/dashboard/pairs/" + pair.business() + "/" + pair.user();
        eventually(Duration.ofSeconds(10), "the dashboard shows the pair", () -> get(dashboard).status() == 200);
        advance(WEEK);

        JsonNode before = assertOk(get(dashboard), 200).get("pair");
        assertThat(before.get("state").asText()).isEqualTo("EXPIRED");
        assertThat(before.get("expiredRequests").asInt()).isEqualTo(1);

        sweeper.sweep();
        eventually(Duration.ofSeconds(10), "the dashboard has the expiry event",
                () -> get(dashboard).json().get("timeline").size() == 2);

        assertThat(assertOk(get(dashboard), 200).get("pair")).isEqualTo(before);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    /** The raw bodies, so that any difference at all shows, not only in the fields asserted on. */
    private List<String> answers(Pair pair, List<String> paths) {
        return paths.stream().map(p -> {
            Answer answer = get(pair.path(p));
            assertOk(answer, 200);
            return answer.body();
        }).toList();
    }
}
