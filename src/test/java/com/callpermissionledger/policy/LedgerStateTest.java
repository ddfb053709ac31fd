package com.callpermissionledger.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.MS;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger state shown for a pair: NONE, REQUESTED, GRANTED, DECLINED, EXPIRED, REVOKED. */
class LedgerStateTest {

    @Test
    void aPairNobodyTouchedIsNoneAndMayBeAskedButNotCalled() {
        PairStatus status = Ledger.v1().status();

        assertThat(status.state()).isEqualTo(LedgerState.NONE);
        assertThat(status.permission()).isNull();
        assertThat(status.grantSource()).isNull();
        assertThat(status.canRequest()).isTrue();
        assertThat(status.canCall()).isFalse();
        assertThat(status.consecutiveUnanswered()).isZero();
        assertThat(status.warning()).isFalse();
        assertThat(status.policy()).isEqualTo(V1);
        assertThat(status.at()).isEqualTo(T0);
    }

    @Test
    void aSentRequestMakesThePairRequestedUntilItExpires() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");

        assertThat(ledger.status().state()).isEqualTo(LedgerState.REQUESTED);
        assertThat(ledger.statusAt(T0.plus(WEEK).minus(MS)).state()).isEqualTo(LedgerState.REQUESTED);
        assertThat(ledger.state.ledgerStateAt(T0.plus(WEEK))).as("even before the expiry is recorded")
                .isEqualTo(LedgerState.EXPIRED);
        assertThat(ledger.statusAt(T0.plus(WEEK)).state()).isEqualTo(LedgerState.EXPIRED);
    }

    @Test
    void aRequestedPairStaysRequestedWhileAnyRequestIsOpen() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(Duration.ofDays(3))).send("wamid.A2");

        assertThat(ledger.statusAt(T0.plus(Duration.ofDays(8))).state()).isEqualTo(LedgerState.REQUESTED);
        assertThat(ledger.statusAt(T0.plus(Duration.ofDays(10))).state()).isEqualTo(LedgerState.EXPIRED);
    }

    @Test
    void anAcceptanceMakesThePairGrantedAndTimeMakesItExpired() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.after(HOUR).accept("wamid.A1");

        assertThat(ledger.status().state()).isEqualTo(LedgerState.GRANTED);
        assertThat(ledger.state.ledgerStateAt(T0.plus(HOUR).plus(WEEK))).isEqualTo(LedgerState.EXPIRED);
        PairStatus expired = ledger.statusAt(T0.plus(HOUR).plus(WEEK));
        assertThat(expired.state()).isEqualTo(LedgerState.EXPIRED);
        assertThat(expired.permission()).isNull();
        assertThat(expired.grantSource()).isNull();
    }

    @Test
    void aRequestWhilePermissionIsHeldKeepsThePairGranted() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.after(HOUR).send("wamid.A1");

        assertThat(ledger.status().state()).isEqualTo(LedgerState.GRANTED);
    }

    @Test
    void aDeclineMakesThePairDeclinedAndANewRequestMakesItRequestedAgain() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.decline("wamid.A1");
        assertThat(ledger.status().state()).isEqualTo(LedgerState.DECLINED);
        assertThat(ledger.statusAt(T0.plus(Duration.ofDays(30))).state()).as("a decline does not expire")
                .isEqualTo(LedgerState.DECLINED);

        ledger.at(T0.plus(DAY)).send("wamid.A2");
        assertThat(ledger.status().state()).isEqualTo(LedgerState.REQUESTED);
    }

    @Test
    void revocationsMakeThePairRevokedAndADeclineRevocationMakesItDeclined() {
        Ledger profile = Ledger.v1();
        profile.grant();
        profile.revoke();
        assertThat(profile.status().state()).isEqualTo(LedgerState.REVOKED);

        Ledger declined = Ledger.v1();
        declined.grant();
        declined.send("wamid.A1");
        declined.decline("wamid.A1");
        assertThat(declined.status().state()).isEqualTo(LedgerState.DECLINED);
    }

    @Test
    void theStatusNamesThePolicyOfTheTermsAndTheInstantAsked() {
        Ledger ledger = Ledger.v2();

        PairStatus status = ledger.statusAt(T0.plus(DAY));

        assertThat(status.policy()).isEqualTo(V2);
        assertThat(status.at()).isEqualTo(T0.plus(DAY));
    }

    @Test
    void statusIsComputedOnTheStateWithDueExpiriesAppliedWithoutChangingTheRecordedState() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        var before = ledger.state;

        PairStatus status = ledger.statusAt(T0.plus(Duration.ofDays(9)));

        assertThat(status.state()).isEqualTo(LedgerState.EXPIRED);
        assertThat(status.callBlockedBy()).map(Refusal::code).contains(RefusalCode.NO_PERMISSION);
        assertThat(ledger.state).isSameAs(before);
        assertThat(ledger.state.permission()).isNotNull();
    }
}
