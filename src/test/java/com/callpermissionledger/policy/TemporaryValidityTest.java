package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.MS;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-TEMPORARY-168H: a temporary permission is valid for exactly 7 x 86,400 s from the approval instant. */
class TemporaryValidityTest {

    @Test
    void bothPoliciesHoldTemporaryPermissionsForExactly604800Seconds() {
        assertThat(PolicyCatalog.WHATSAPP_V1.temporaryValidity()).isEqualTo(Duration.ofSeconds(604_800));
        assertThat(PolicyCatalog.WHATSAPP_V2.temporaryValidity()).isEqualTo(Duration.ofSeconds(604_800));
    }

    @Test
    void anAcceptedRequestGrantsATemporaryPermissionExpiring168HoursAfterTheReply() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.after(Duration.ofMinutes(3));

        Decision decision = ledger.accept("wamid.A1");

        assertThat(recorded(decision).events()).contains(new PermissionGranted(PAIR, T0.plusSeconds(180),
                GrantSource.REQUEST, PermissionKind.TEMPORARY, T0.plusSeconds(180).plusSeconds(604_800),
                "wamid.A1", V1, "R-REPLY-ACCEPT"));
    }

    @Test
    void aCallOneMillisecondBeforeThe168thHourIsPlaced() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision decision = ledger.at(T0.plus(WEEK).minus(MS)).place("wacid.1");

        assertThat(recorded(decision).events()).containsExactly(new CallPlaced(PAIR, ledger.now, "wacid.1", V1));
    }

    @Test
    void atExactly168HoursThePermissionHasExpiredAndTheExpiryIsRecordedBeforeTheRefusal() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision.Refused decision = refused(ledger.at(T0.plusSeconds(604_800)).place("wacid.1"));

        assertThat(decision.events()).containsExactly(
                new PermissionExpired(PAIR, T0.plusSeconds(604_800), T0, "R-TEMPORARY-168H"),
                new CallRefused(PAIR, T0.plusSeconds(604_800), "wacid.1", RefusalCode.NO_PERMISSION,
                        "R-PERMISSION-REQUIRED", null, List.of(), V1));
        assertThat(decision.refusal().detail()).contains("EXPIRED");
        assertThat(ledger.state.permission()).isNull();
        assertThat(ledger.state.lastChange()).isEqualTo(LedgerState.EXPIRED);
    }

    @Test
    void anExpiryNoticedLateIsDatedAtTheInstantItFellDueNotWhenItWasNoticed() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision decision = ledger.at(T0.plus(Duration.ofDays(30))).expireDue();

        assertThat(recorded(decision).events())
                .containsExactly(new PermissionExpired(PAIR, T0.plus(WEEK), T0, "R-TEMPORARY-168H"));
        assertThat(ledger.state.lastActivityAt()).isEqualTo(T0.plus(WEEK));
    }

    @Test
    void expireDueIsUnchangedBeforeTheExpiryAndAfterItWasRecorded() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        assertThat(ledger.at(T0.plus(WEEK).minus(MS)).expireDue()).isInstanceOf(Decision.Unchanged.class);
        assertThat(recorded(ledger.at(T0.plus(WEEK)).expireDue()).events()).hasSize(1);
        assertThat(ledger.after(DAY).expireDue()).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(PermissionExpired.class)).hasSize(1);
    }

    @Test
    void aNewTemporaryGrantStartsANew168HoursAndTheOldExpiryNeverFires() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        Decision regrant = ledger.at(T0.plus(Duration.ofDays(3))).grant();
        assertThat(recorded(regrant).events()).containsExactly(new PermissionGranted(PAIR, ledger.now,
                GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY, T0.plus(Duration.ofDays(10)), null, V1,
                "R-PROFILE-GRANT"));

        Decision call = ledger.at(T0.plus(WEEK).plus(HOUR)).place("wacid.1");

        assertThat(recorded(call).events()).containsExactly(new CallPlaced(PAIR, ledger.now, "wacid.1", V1));
        assertThat(ledger.at(T0.plus(Duration.ofDays(10))).expireDue().events())
                .containsExactly(new PermissionExpired(PAIR, T0.plus(Duration.ofDays(10)),
                        T0.plus(Duration.ofDays(3)), "R-TEMPORARY-168H"));
    }

    @Test
    void theStateAtAnInstantAppliesTheDueExpiryWithoutRecordingIt() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.at(T0.plus(WEEK));

        assertThat(ledger.state.permission()).isNotNull();
        assertThat(ledger.state.ledgerStateAt(ledger.now)).isEqualTo(LedgerState.EXPIRED);
        assertThat(ledger.current().permission()).isNull();
        assertThat(ledger.current().lastChange()).isEqualTo(LedgerState.EXPIRED);
        assertThat(PairDecider.dueExpiries(PAIR, ledger.state, ledger.now))
                .containsExactly(new PermissionExpired(PAIR, T0.plus(WEEK), T0, "R-TEMPORARY-168H"));
        assertThat(PairDecider.dueExpiries(PAIR, ledger.state, T0.plus(WEEK).minus(MS))).isEmpty();
    }

    @Test
    void requestAndPermissionExpiriesDueTogetherAreRecordedInTheOrderTheyFellDue() {
        Ledger ledger = Ledger.v1();
        ledger.grant();                                          // permission expires T0 + 7 d
        ledger.at(T0.plus(Duration.ofDays(2))).send("wamid.A1"); // request expires T0 + 9 d (never delivered)

        Decision decision = ledger.at(T0.plus(Duration.ofDays(20))).expireDue();

        assertThat(recorded(decision).events()).extracting(e -> e.occurredAt())
                .containsExactly(T0.plus(WEEK), T0.plus(Duration.ofDays(9)));
        assertThat(decision.events().get(0)).isInstanceOf(PermissionExpired.class);
    }
}
