package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REQUEST-RESET: any connected call, business- or user-initiated, resets both request windows. */
class RequestResetTest {

    /** Two requests in two days fill the week; a profile grant lets the business call. */
    private static Ledger withFullWeek() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");
        ledger.grant();
        assertThat(ledger.after(HOUR).status().canRequest()).isFalse();
        return ledger;
    }

    @Test
    void aConnectedBusinessCallResetsBothWindows() {
        Ledger ledger = withFullWeek();
        ledger.place("wacid.1");

        Decision decision = ledger.after(Duration.ofMinutes(5)).outcome("wacid.1", CallOutcome.CONNECTED);

        assertThat(recorded(decision).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.1", CallOutcome.CONNECTED, 0),
                new RequestLimitsReset(PAIR, ledger.now, "wacid.1", "R-REQUEST-RESET"));
        PairStatus status = ledger.status();
        assertThat(status.requests24h().used()).isZero();
        assertThat(status.requests7d().used()).isZero();
        assertThat(status.canRequest()).isTrue();
        assertThat(ledger.send("wamid.A3")).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void aConnectedUserCallResetsBothWindowsEvenWithCallbackDisabled() {
        Ledger ledger = withFullWeek();

        Decision decision = ledger.userCall("wacid.U1", UserCallOutcome.CONNECTED);

        assertThat(recorded(decision).events()).containsExactly(
                new UserCallRecorded(PAIR, ledger.now, "wacid.U1", UserCallOutcome.CONNECTED, 0),
                new RequestLimitsReset(PAIR, ledger.now, "wacid.U1", "R-REQUEST-RESET"));
        assertThat(ledger.send("wamid.A3")).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void aMissedUserCallDoesNotReset() {
        Ledger ledger = withFullWeek();

        Decision decision = ledger.userCall("wacid.U1", UserCallOutcome.MISSED);

        assertThat(recorded(decision).events()).containsExactly(
                new UserCallRecorded(PAIR, ledger.now, "wacid.U1", UserCallOutcome.MISSED, 0));
        assertThat(refused(ledger.send("wamid.A3")).refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_7D);
    }

    @ParameterizedTest
    @EnumSource(value = CallOutcome.class, names = {"UNANSWERED", "REJECTED", "FAILED"})
    void aBusinessCallThatDidNotConnectDoesNotReset(CallOutcome outcome) {
        Ledger ledger = withFullWeek();

        Decision decision = ledger.call("wacid.1", outcome);

        assertThat(decision.events()).noneMatch(RequestLimitsReset.class::isInstance);
        assertThat(refused(ledger.send("wamid.A3")).refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_7D);
    }

    @Test
    void aConnectedCallWithNothingCountedRecordsNoReset() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision decision = ledger.call("wacid.1", CallOutcome.CONNECTED);

        assertThat(recorded(decision).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, T0, "wacid.1", CallOutcome.CONNECTED, 0));
    }

    @Test
    void afterAResetOnlyLaterRequestsCountInBothWindows() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.send("wamid.A1");
        ledger.after(HOUR).call("wacid.1", CallOutcome.CONNECTED);
        ledger.at(T0.plus(HOUR.multipliedBy(2)));
        assertThat(ledger.send("wamid.A2")).isInstanceOf(Decision.Recorded.class);

        Decision.Refused day = refused(ledger.at(T0.plus(HOUR.multipliedBy(3))).send("wamid.A3"));
        assertThat(day.refusal().evidence()).containsExactly(T0.plus(HOUR.multipliedBy(2)));
        assertThat(day.refusal().retryAt()).isEqualTo(T0.plus(HOUR.multipliedBy(26)));

        assertThat(ledger.at(T0.plus(HOUR.multipliedBy(26))).send("wamid.A3")).isInstanceOf(Decision.Recorded.class);
        Decision.Refused week = refused(ledger.at(T0.plus(HOUR.multipliedBy(50))).send("wamid.A4"));
        assertThat(week.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_7D);
        assertThat(week.refusal().evidence())
                .containsExactly(T0.plus(HOUR.multipliedBy(2)), T0.plus(HOUR.multipliedBy(26)));
        assertThat(week.refusal().retryAt()).isEqualTo(T0.plus(HOUR.multipliedBy(2)).plus(WEEK));
    }

    @Test
    void aResetDoesNotForgetTheRequestsThemselves() {
        Ledger ledger = withFullWeek();
        ledger.userCall("wacid.U1", UserCallOutcome.CONNECTED);

        assertThat(ledger.state.requests()).containsKeys("wamid.A1", "wamid.A2");
        Decision reply = ledger.after(HOUR).accept("wamid.A2");
        assertThat(recorded(reply).events()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ledger.status().grantSource()).isEqualTo(GrantSource.REQUEST);
    }
}
