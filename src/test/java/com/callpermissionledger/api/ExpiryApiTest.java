package com.callpermissionledger.api;

import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.http.ProblemAssertions.assertRefusal;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiries are recorded by the sweeper, following the simulated clock, with no command sent: the platform
 * sends no webhook when a temporary permission expires, so the ledger must record it itself.
 */
class ExpiryApiTest extends HttpApiSupport {

    private static final Duration SWEEP_DEADLINE = Duration.ofSeconds(5);

    @Test
    void aTemporaryPermissionIsRecordedExpiredAtExactly168HoursByTheSweeper() throws InterruptedException {
        Pair pair = newPair();
        Instant grantedAt = granted(pair);
        Instant expiresAt = grantedAt.plus(TEMPORARY_VALIDITY);

        advance(TEMPORARY_VALIDITY.minusMillis(1));
        drainOtherTestsExpiries();
        Thread.sleep(1_500); // more than one sweep interval (PT1S): nothing is due yet, so nothing may be recorded
        assertThat(events(pair, PermissionExpired.class)).as("not one millisecond early").isEmpty();
        assertThat(callPermission(pair).json().get("ledger").get("state").asText()).isEqualTo("GRANTED");

        Instant now = advance(Duration.ofMillis(1));
        assertThat(now).isEqualTo(expiresAt);

        eventually(SWEEP_DEADLINE, "the sweeper records PermissionExpired",
                () -> !events(pair, PermissionExpired.class).isEmpty());
        JsonNode answer = callPermission(pair).json();
        assertThat(answer.get("ledger").get("state").asText()).isEqualTo("EXPIRED");
        assertThat(answer.get("permission").get("status").asText()).isEqualTo("no_permission");
        assertThat(events(pair, PermissionExpired.class)).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).as("dated at the expiry instant, not when noticed").isEqualTo(expiresAt);
            assertThat(e.grantedAt()).isEqualTo(grantedAt);
            assertThat(e.rule()).isEqualTo("R-TEMPORARY-168H");
        });
        assertThat(eventTypes(pair)).containsExactly(PermissionGranted.class, PermissionExpired.class);
        assertRefusal(placeCall(pair, "wacid.expired"), 403, "NO_PERMISSION", "R-PERMISSION-REQUIRED", 138006,
                null, now);
    }

    @Test
    void theSweeperRecordsTheExpiryWhenTheClockJumpsPastIt() {
        Pair pair = newPair();
        Instant grantedAt = granted(pair);
        advance(Duration.ofHours(167));
        drainOtherTestsExpiries();

        Instant now = advance(Duration.ofHours(2));

        eventually(SWEEP_DEADLINE, "GET /call-permission shows EXPIRED and the expiry is recorded",
                () -> "EXPIRED".equals(callPermission(pair).json().get("ledger").get("state").asText())
                        && !events(pair, PermissionExpired.class).isEmpty());
        assertThat(events(pair, PermissionExpired.class)).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).as("dated at the expiry instant, an hour before it was noticed")
                    .isEqualTo(grantedAt.plusSeconds(604_800)).isBefore(now);
        });
    }

    /**
     * Other tests share this context and leave permissions and requests that fall due when the clock jumps;
     * the sweeper handles the earliest first. Waiting for that backlog first means the deadline measures the
     * sweeper's latency for this test's pair, not how much history other tests left behind.
     */
    private void drainOtherTestsExpiries() {
        Instant now = now();
        eventually(Duration.ofSeconds(60), "the sweeper catches up with expiries due by " + now,
                () -> jdbc.queryForObject("select count(*) from due_expiry where due_at <= ?", Long.class,
                        Timestamp.from(now)) == 0L);
    }

    @Test
    void anUnansweredRequestIsRecordedExpiredSevenDaysAfterDelivery() {
        Pair pair = newPair();
        assertOk(sendRequest(pair, "wamid.e1"), 201);
        Instant deliveredAt = advance(Duration.ofHours(5));
        assertOk(post(pair.path("/permission-requests/wamid.e1/delivered"), "{}"), 200);
        advance(WEEK.minusHours(1));
        drainOtherTestsExpiries();
        assertThat(events(pair, PermissionRequestExpired.class)).isEmpty();

        advance(Duration.ofHours(2));

        eventually(SWEEP_DEADLINE, "the sweeper records PermissionRequestExpired",
                () -> !events(pair, PermissionRequestExpired.class).isEmpty());
        assertThat(events(pair, PermissionRequestExpired.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("wamid.e1");
            assertThat(e.occurredAt()).isEqualTo(deliveredAt.plus(WEEK));
            assertThat(e.reason()).isEqualTo(RequestExpiryReason.NO_RESPONSE);
        });
        assertThat(eventTypes(pair)).containsExactly(PermissionRequested.class, PermissionRequestDelivered.class,
                PermissionRequestExpired.class);
        JsonNode request = assertOk(get(pair.path("/permission-requests/wamid.e1")), 200);
        assertThat(request.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(instant(request.get("expiredAt"))).isEqualTo(deliveredAt.plus(WEEK));
        assertThat(callPermission(pair).json().get("ledger").get("state").asText()).isEqualTo("EXPIRED");
    }
}
