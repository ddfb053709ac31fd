package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-MISS-WARNING (2 consecutive unanswered or rejected calls) and R-MISS-REVOKE (4 revoke the permission). */
class UnansweredRunTest {

    private static Ledger granted() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        return ledger;
    }

    @Test
    void aSingleUnansweredCallRaisesNoWarning() {
        Ledger ledger = granted();
        ledger.place("wacid.1");

        Decision decision = ledger.after(Duration.ofMinutes(1)).outcome("wacid.1", CallOutcome.UNANSWERED);

        assertThat(recorded(decision).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.1", CallOutcome.UNANSWERED, 1));
        assertThat(ledger.status().consecutiveUnanswered()).isEqualTo(1);
        assertThat(ledger.status().warning()).isFalse();
    }

    @Test
    void aRejectedCallAfterAnUnansweredOneRaisesTheWarningOnce() {
        Ledger ledger = granted();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);

        Decision second = ledger.after(HOUR).call("wacid.2", CallOutcome.REJECTED);

        assertThat(recorded(second).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.2", CallOutcome.REJECTED, 2),
                new UnansweredCallsWarningRaised(PAIR, ledger.now, 2, V1, "R-MISS-WARNING"));
        assertThat(ledger.status().warning()).isTrue();

        Decision third = ledger.after(HOUR).call("wacid.3", CallOutcome.UNANSWERED);
        assertThat(recorded(third).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.3", CallOutcome.UNANSWERED, 3));
        assertThat(ledger.eventsOf(UnansweredCallsWarningRaised.class)).hasSize(1);
    }

    @Test
    void theFourthConsecutiveMissRevokesThePermissionAutomatically() {
        Ledger ledger = granted();
        for (int i = 1; i <= 3; i++) {
            ledger.after(HOUR).call("wacid." + i, CallOutcome.UNANSWERED);
        }

        Decision fourth = ledger.after(HOUR).call("wacid.4", CallOutcome.REJECTED);

        assertThat(recorded(fourth).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.4", CallOutcome.REJECTED, 4),
                new PermissionRevoked(PAIR, ledger.now, RevocationSource.AUTOMATIC, V1, "R-MISS-REVOKE"));
        PairStatus status = ledger.status();
        assertThat(status.state()).isEqualTo(LedgerState.REVOKED);
        assertThat(status.permission()).isNull();
        assertThat(status.consecutiveUnanswered()).isEqualTo(4);
        assertThat(status.warning()).isTrue();
        assertThat(refused(ledger.place("wacid.5")).refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
    }

    @Test
    void v2RevokesAPermanentPermissionAfterFourMissesToo() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();
        for (int i = 1; i <= 3; i++) {
            ledger.call("wacid." + i, CallOutcome.UNANSWERED);
        }

        Decision fourth = ledger.call("wacid.4", CallOutcome.UNANSWERED);

        assertThat(fourth.events()).contains(
                new PermissionRevoked(PAIR, T0, RevocationSource.AUTOMATIC, V2, "R-MISS-REVOKE"));
        assertThat(ledger.status().canCall()).isFalse();
    }

    @Test
    void aFailedCallNeitherExtendsNorEndsTheRun() {
        Ledger ledger = granted();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);

        Decision failed = ledger.after(HOUR).call("wacid.2", CallOutcome.FAILED);
        assertThat(recorded(failed).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.2", CallOutcome.FAILED, 1));

        Decision miss = ledger.after(HOUR).call("wacid.3", CallOutcome.UNANSWERED);
        assertThat(recorded(miss).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.3", CallOutcome.UNANSWERED, 2),
                new UnansweredCallsWarningRaised(PAIR, ledger.now, 2, V1, "R-MISS-WARNING"));
    }

    @Test
    void failedCallsBetweenMissesDoNotPreventTheRevocation() {
        Ledger ledger = granted();
        for (int i = 1; i <= 4; i++) {
            ledger.call("wacid.m" + i, i % 2 == 0 ? CallOutcome.REJECTED : CallOutcome.UNANSWERED);
            if (i < 4) {
                ledger.call("wacid.f" + i, CallOutcome.FAILED);
            }
        }

        assertThat(ledger.eventsOf(PermissionRevoked.class)).containsExactly(
                new PermissionRevoked(PAIR, T0, RevocationSource.AUTOMATIC, V1, "R-MISS-REVOKE"));
        assertThat(ledger.state.consecutiveMisses()).isEqualTo(4);
    }

    @Test
    void aConnectedBusinessCallEndsTheRunAndClearsTheWarning() {
        Ledger ledger = granted();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);
        ledger.call("wacid.2", CallOutcome.UNANSWERED);
        assertThat(ledger.status().warning()).isTrue();

        Decision connected = ledger.after(HOUR).call("wacid.3", CallOutcome.CONNECTED);

        assertThat(recorded(connected).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.3", CallOutcome.CONNECTED, 0));
        assertThat(ledger.status().warning()).isFalse();
        assertThat(ledger.status().consecutiveUnanswered()).isZero();
        assertThat(ledger.call("wacid.4", CallOutcome.UNANSWERED).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.4", CallOutcome.UNANSWERED, 1));
    }

    @Test
    void aConnectedUserCallEndsTheRun() {
        Ledger ledger = granted();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);
        ledger.call("wacid.2", CallOutcome.UNANSWERED);
        ledger.call("wacid.3", CallOutcome.UNANSWERED);

        Decision userCall = ledger.userCall("wacid.U1", UserCallOutcome.CONNECTED);

        assertThat(recorded(userCall).events()).containsExactly(
                new UserCallRecorded(PAIR, T0, "wacid.U1", UserCallOutcome.CONNECTED, 0));
        assertThat(ledger.status().warning()).isFalse();
        assertThat(ledger.call("wacid.4", CallOutcome.UNANSWERED).events()).noneMatch(
                e -> e instanceof PermissionRevoked || e instanceof UnansweredCallsWarningRaised);
    }

    @Test
    void aMissedUserCallWithCallbackDisabledDoesNotEndTheRun() {
        Ledger ledger = granted();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);

        Decision userCall = ledger.userCall("wacid.U1", UserCallOutcome.MISSED);

        assertThat(recorded(userCall).events()).containsExactly(
                new UserCallRecorded(PAIR, T0, "wacid.U1", UserCallOutcome.MISSED, 1));
        assertThat(ledger.call("wacid.2", CallOutcome.UNANSWERED).events())
                .hasAtLeastOneElementOfType(UnansweredCallsWarningRaised.class);
    }

    @Test
    void aNewGrantEndsTheRunAndClearsTheWarning() {
        Ledger ledger = granted();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);
        ledger.call("wacid.2", CallOutcome.REJECTED);
        ledger.call("wacid.3", CallOutcome.UNANSWERED);

        ledger.after(HOUR).grant();

        assertThat(ledger.status().consecutiveUnanswered()).isZero();
        assertThat(ledger.status().warning()).isFalse();
        assertThat(ledger.call("wacid.4", CallOutcome.UNANSWERED).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.4", CallOutcome.UNANSWERED, 1));
        assertThat(ledger.call("wacid.5", CallOutcome.UNANSWERED).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.5", CallOutcome.UNANSWERED, 2),
                new UnansweredCallsWarningRaised(PAIR, ledger.now, 2, V1, "R-MISS-WARNING"));
    }

    @Test
    void aFourthMissAfterThePermissionExpiredRevokesNothing() {
        Ledger ledger = granted();
        for (int i = 1; i <= 4; i++) {
            ledger.place("wacid." + i);
        }
        ledger.at(T0.plus(Ledger.WEEK).plus(HOUR));
        for (int i = 1; i <= 3; i++) {
            ledger.outcome("wacid." + i, CallOutcome.UNANSWERED);
        }

        Decision fourth = ledger.outcome("wacid.4", CallOutcome.UNANSWERED);

        assertThat(recorded(fourth).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.4", CallOutcome.UNANSWERED, 4));
        assertThat(ledger.eventsOf(PermissionRevoked.class)).isEmpty();
        assertThat(ledger.eventsOf(UnansweredCallsWarningRaised.class)).hasSize(1);
        assertThat(ledger.status().state()).isEqualTo(LedgerState.EXPIRED);
    }
}
