package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
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
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static com.callpermissionledger.policy.Ledger.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** R-CALLBACK-GRANT: with callback ENABLED a user's call, connected or missed, grants a temporary permission. */
class CallbackGrantTest {

    @ParameterizedTest
    @EnumSource(UserCallOutcome.class)
    void aUserCallGrantsATemporaryPermissionWhenCallbackIsEnabled(UserCallOutcome outcome) {
        Ledger ledger = Ledger.v1WithCallback();

        Decision decision = ledger.userCall("wacid.U1", outcome);

        assertThat(recorded(decision).events()).containsExactly(
                new UserCallRecorded(PAIR, T0, "wacid.U1", outcome, 0),
                new PermissionGranted(PAIR, T0, GrantSource.CALLBACK, PermissionKind.TEMPORARY, T0.plus(WEEK),
                        "wacid.U1", V1, "R-CALLBACK-GRANT"));
        PairStatus status = ledger.status();
        assertThat(status.grantSource()).isEqualTo(GrantSource.CALLBACK);
        assertThat(status.state()).isEqualTo(LedgerState.GRANTED);
        assertThat(recorded(ledger.after(HOUR).place("wacid.1")).events())
                .containsExactly(new CallPlaced(PAIR, ledger.now, "wacid.1", V1));
    }

    @ParameterizedTest
    @EnumSource(UserCallOutcome.class)
    void aUserCallGrantsNothingWhenCallbackIsDisabled(UserCallOutcome outcome) {
        Ledger ledger = Ledger.v1();

        Decision decision = ledger.userCall("wacid.U1", outcome);

        assertThat(recorded(decision).events()).containsExactly(new UserCallRecorded(PAIR, T0, "wacid.U1", outcome, 0));
        assertThat(refused(ledger.place("wacid.1")).refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
    }

    @Test
    void aCallbackGrantExpiresAfterExactly168Hours() {
        Ledger ledger = Ledger.v2WithCallback();
        ledger.userCall("wacid.U1", UserCallOutcome.MISSED);

        assertThat(ledger.statusAt(T0.plus(WEEK).minusMillis(1)).canCall()).isTrue();
        assertThat(ledger.statusAt(T0.plus(WEEK)).canCall()).isFalse();
        assertThat(ledger.statusAt(T0.plus(WEEK)).state()).isEqualTo(LedgerState.EXPIRED);
    }

    @Test
    void aUserCallRenewsATemporaryPermissionFromTheCallInstant() {
        Ledger ledger = Ledger.v1WithCallback();
        ledger.grant();

        Decision decision = ledger.at(T0.plus(Duration.ofDays(5))).userCall("wacid.U1", UserCallOutcome.MISSED);

        assertThat(decision.events()).contains(new PermissionGranted(PAIR, ledger.now, GrantSource.CALLBACK,
                PermissionKind.TEMPORARY, ledger.now.plus(WEEK), "wacid.U1", V1, "R-CALLBACK-GRANT"));
        assertThat(ledger.statusAt(T0.plus(Duration.ofDays(10))).canCall()).isTrue();
    }

    @Test
    void aUserCallNeverReplacesAPermanentPermission() {
        Ledger ledger = Ledger.v2WithCallback();
        ledger.grantPermanent();

        Decision decision = ledger.after(DAY).userCall("wacid.U1", UserCallOutcome.CONNECTED);

        assertThat(recorded(decision).events()).containsExactly(
                new UserCallRecorded(PAIR, ledger.now, "wacid.U1", UserCallOutcome.CONNECTED, 0));
        assertThat(ledger.state.permission().kind()).isEqualTo(PermissionKind.PERMANENT);
        assertThat(ledger.state.permission().source()).isEqualTo(GrantSource.BUSINESS_PROFILE);
        assertThat(ledger.statusAt(T0.plus(Duration.ofDays(400))).canCall()).isTrue();
    }

    @Test
    void aConnectedUserCallResetsTheRequestWindowsBeforeGranting() {
        Ledger ledger = Ledger.v2WithCallback();
        ledger.send("wamid.A1");

        Decision decision = ledger.after(HOUR).userCall("wacid.U1", UserCallOutcome.CONNECTED);

        assertThat(recorded(decision).events()).containsExactly(
                new UserCallRecorded(PAIR, ledger.now, "wacid.U1", UserCallOutcome.CONNECTED, 0),
                new RequestLimitsReset(PAIR, ledger.now, "wacid.U1", "R-REQUEST-RESET"),
                new PermissionGranted(PAIR, ledger.now, GrantSource.CALLBACK, PermissionKind.TEMPORARY,
                        ledger.now.plus(WEEK), "wacid.U1", V2, "R-CALLBACK-GRANT"));
    }

    @Test
    void theSameUserCallAgainIsUnchangedAndGrantsNothingMore() {
        Ledger ledger = Ledger.v1WithCallback();
        ledger.userCall("wacid.U1", UserCallOutcome.MISSED);

        Decision again = ledger.at(T0.plus(Duration.ofDays(3))).userCall("wacid.U1", UserCallOutcome.MISSED);

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(PermissionGranted.class)).hasSize(1);
        assertThat(ledger.state.permission().expiresAt()).isEqualTo(T0.plus(WEEK));
    }

    @Test
    void theSameUserCallWithAnotherOutcomeIsAnIdempotencyConflict() {
        Ledger ledger = Ledger.v1WithCallback();
        ledger.userCall("wacid.U1", UserCallOutcome.MISSED);

        Decision.Rejected decision = rejected(ledger.after(HOUR).userCall("wacid.U1", UserCallOutcome.CONNECTED));

        assertThat(decision.code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);
        assertThat(decision.events()).isEmpty();
        assertThat(ledger.state.userCalls()).containsEntry("wacid.U1", UserCallOutcome.MISSED);
    }
}
