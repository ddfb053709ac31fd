package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.event.PermissionRequestFailed;
import com.callpermissionledger.policy.event.RequestSlotFreed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REQUEST-FAILED: a request the platform could not deliver frees its place in R-REQUEST-24H and R-REQUEST-7D. */
class FailedRequestSlotTest {

    private static Decision fail(Ledger ledger, String requestId, Instant at) {
        return ledger.decide(new MarkRequestFailed(PAIR, requestId, at));
    }

    @Test
    void aFailedRequestFreesItsPlaceInTheDayWindow() {
        Ledger ledger = Ledger.v1();
        Instant sent = ledger.now;
        ledger.send("wamid.F1");
        assertThat(refused(ledger.after(HOUR).send("wamid.F2")).refusal().code())
                .isEqualTo(RefusalCode.REQUEST_LIMIT_24H);

        Decision failed = fail(ledger.after(HOUR), "wamid.F1", sent.plusSeconds(5));

        assertThat(recorded(failed).events()).containsExactly(
                new PermissionRequestFailed(PAIR, sent.plusSeconds(5), "wamid.F1", false),
                new RequestSlotFreed(PAIR, sent.plusSeconds(5), "wamid.F1", sent, "R-REQUEST-FAILED"));
        assertThat(ledger.status().requests24h().used()).isZero();
        assertThat(ledger.send("wamid.F2")).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void aFailedRequestNoLongerFillsTheWeekWindow() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.W1");
        Instant second = ledger.after(DAY.plus(HOUR)).now;
        ledger.send("wamid.W2");
        fail(ledger.after(HOUR), "wamid.W2", ledger.now);

        assertThat(ledger.after(DAY).send("wamid.W3"))
                .as("only W1 counts in the 7 days: the failed W2 sent at %s never reached the user", second)
                .isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void aDeliveredRequestThatLaterFailsKeepsCounting() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.D1");
        ledger.after(HOUR).deliver("wamid.D1");

        Decision failed = fail(ledger.after(HOUR), "wamid.D1", null);

        assertThat(recorded(failed).events()).containsExactly(
                new PermissionRequestFailed(PAIR, ledger.now, "wamid.D1", false));
        assertThat(refused(ledger.send("wamid.D2")).refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_24H);
    }

    @Test
    void theSameFailureTwiceFreesOnePlaceOnly() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.R1");
        fail(ledger.after(HOUR), "wamid.R1", null);
        ledger.after(DAY.plus(HOUR)).send("wamid.R2");

        assertThat(fail(ledger.after(HOUR), "wamid.R1", null)).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(RequestSlotFreed.class)).hasSize(1);
        assertThat(ledger.status().requests24h().used()).isEqualTo(1);
    }

    @Test
    void aFailureAfterAResetHasNoPlaceLeftToFree() {
        Ledger ledger = Ledger.v1WithCallback();
        ledger.send("wamid.X1");
        ledger.after(HOUR).userCall("wacid.u1", UserCallOutcome.CONNECTED);

        Decision failed = fail(ledger.after(HOUR), "wamid.X1", null);

        assertThat(recorded(failed).events()).singleElement().isInstanceOf(PermissionRequestFailed.class);
    }
}
