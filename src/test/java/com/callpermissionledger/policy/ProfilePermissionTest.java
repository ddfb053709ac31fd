package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRevoked;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/** R-PROFILE-GRANT and R-PROFILE-REVOKE: the user grants or revokes from the business profile. */
class ProfilePermissionTest {

    @Test
    void aProfileGrantIsATemporaryPermissionWithoutReference() {
        Ledger ledger = Ledger.v1();

        Decision decision = ledger.grant();

        assertThat(recorded(decision).events()).containsExactly(new PermissionGranted(PAIR, T0,
                GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY, T0.plus(WEEK), null, V1, "R-PROFILE-GRANT"));
        assertThat(ledger.status().grantSource()).isEqualTo(GrantSource.BUSINESS_PROFILE);
    }

    @Test
    void aSecondTemporaryProfileGrantIsRecordedAndStartsANew168Hours() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision decision = ledger.after(DAY).grant();

        assertThat(recorded(decision).events()).containsExactly(new PermissionGranted(PAIR, T0.plus(DAY),
                GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY, T0.plus(DAY).plus(WEEK), null, V1,
                "R-PROFILE-GRANT"));
        assertThat(ledger.eventsOf(PermissionGranted.class)).hasSize(2);
    }

    @Test
    void aPermanentProfileGrantWhileTheSameIsInForceIsUnchanged() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();

        Decision again = ledger.after(Duration.ofDays(30)).grantPermanent();

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(PermissionGranted.class)).hasSize(1);
    }

    @Test
    void aPermanentProfileGrantReplacesAPermanentPermissionFromARequest() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.acceptPermanent("wamid.A1");

        Decision decision = ledger.after(HOUR).grantPermanent();

        assertThat(recorded(decision).events()).containsExactly(new PermissionGranted(PAIR, ledger.now,
                GrantSource.BUSINESS_PROFILE, PermissionKind.PERMANENT, null, null, V2, "R-PROFILE-GRANT"));
    }

    @Test
    void aProfileRevocationEndsThePermission() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision decision = ledger.after(HOUR).revoke();

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionRevoked(PAIR, T0.plus(HOUR), RevocationSource.BUSINESS_PROFILE, V1, "R-PROFILE-REVOKE"));
        PairStatus status = ledger.status();
        assertThat(status.state()).isEqualTo(LedgerState.REVOKED);
        assertThat(status.permission()).isNull();
        assertThat(status.grantSource()).isNull();
        assertThat(status.canCall()).isFalse();
    }

    @Test
    void revokingWhenNothingIsHeldIsUnchanged() {
        Ledger ledger = Ledger.v1();

        assertThat(ledger.revoke()).isInstanceOf(Decision.Unchanged.class);
        ledger.grant();
        ledger.revoke();
        assertThat(ledger.after(HOUR).revoke()).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(PermissionRevoked.class)).hasSize(1);
    }

    @Test
    void revokingAfterThePermissionExpiredIsUnchangedAndRecordsNotEvenTheExpiry() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision decision = ledger.at(T0.plus(Duration.ofDays(8))).revoke();

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
        assertThat(decision.events()).isEmpty();
        assertThat(ledger.eventsOf(PermissionExpired.class)).isEmpty();
        assertThat(ledger.status().state()).isEqualTo(LedgerState.EXPIRED);
    }

    @Test
    void aGrantAfterARevocationIsRecordedAgain() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();
        ledger.after(HOUR).revoke();

        Decision decision = ledger.after(HOUR).grantPermanent();

        assertThat(recorded(decision).events()).containsExactly(new PermissionGranted(PAIR, ledger.now,
                GrantSource.BUSINESS_PROFILE, PermissionKind.PERMANENT, null, null, V2, "R-PROFILE-GRANT"));
    }
}
