package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
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
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REPLY-ACCEPT and R-REPLY-DECLINE: an acceptance grants; a decline ends any permission held. */
class ReplyTest {

    @Test
    void acceptingARequestRecordsTheReplyAndGrantsATemporaryPermission() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.after(HOUR);

        Decision decision = ledger.accept("wamid.A1");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, ledger.now, "wamid.A1", ReplyResponse.ACCEPT, false,
                        ledger.now.plus(WEEK), false),
                new PermissionGranted(PAIR, ledger.now, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        ledger.now.plus(WEEK), "wamid.A1", V1, "R-REPLY-ACCEPT"));
        PairStatus status = ledger.status();
        assertThat(status.state()).isEqualTo(LedgerState.GRANTED);
        assertThat(status.grantSource()).isEqualTo(GrantSource.REQUEST);
        assertThat(status.permission().reference()).isEqualTo("wamid.A1");
        assertThat(status.permission().expiresAt()).isEqualTo(ledger.now.plus(WEEK));
    }

    @Test
    void decliningWithoutAPermissionRecordsOnlyTheReply() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");

        Decision decision = ledger.decline("wamid.A1");

        assertThat(recorded(decision).events()).containsExactly(new PermissionReplyRecorded(PAIR, T0, "wamid.A1",
                ReplyResponse.REJECT, false, T0.plus(WEEK), false));
        assertThat(ledger.status().state()).isEqualTo(LedgerState.DECLINED);
    }

    @Test
    void aDeclineEndsAProfileGrantedTemporaryPermission() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.after(HOUR).send("wamid.A1");

        Decision decision = ledger.after(HOUR).decline("wamid.A1");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, ledger.now, "wamid.A1", ReplyResponse.REJECT, false,
                        ledger.now.plus(WEEK), false),
                new PermissionRevoked(PAIR, ledger.now, RevocationSource.DECLINE, V1, "R-REPLY-DECLINE"));
        assertThat(ledger.status().state()).isEqualTo(LedgerState.DECLINED);
        assertThat(ledger.status().permission()).isNull();
        assertThat(refused(ledger.place("wacid.1")).refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
    }

    @Test
    void aDeclineEndsEvenAPermanentPermission() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.acceptPermanent("wamid.A1");

        Decision decision = ledger.after(HOUR).decline("wamid.A1");

        assertThat(recorded(decision).events()).endsWith(
                new PermissionRevoked(PAIR, ledger.now, RevocationSource.DECLINE, V2, "R-REPLY-DECLINE"));
        assertThat(ledger.status().canCall()).isFalse();
        assertThat(ledger.status().canRequest()).as("no permanent permission any more").isFalse();
        assertThat(ledger.status().requestBlockedBy()).map(Refusal::code).contains(RefusalCode.REQUEST_LIMIT_24H);
    }

    @Test
    void aDeclineAfterThePermissionExpiredRevokesNothing() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.at(T0.plus(Duration.ofDays(8))).send("wamid.A1");

        Decision decision = ledger.after(HOUR).decline("wamid.A1");

        assertThat(decision.events()).noneMatch(PermissionRevoked.class::isInstance);
        assertThat(ledger.status().state()).isEqualTo(LedgerState.DECLINED);
    }

    @Test
    void aUserWhoDeclinedMayStillAcceptTheSameRequestUntilItExpires() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.deliver("wamid.A1");
        ledger.after(HOUR).decline("wamid.A1");

        Decision decision = ledger.at(T0.plus(Duration.ofDays(6))).accept("wamid.A1");

        assertThat(recorded(decision).events()).contains(new PermissionGranted(PAIR, ledger.now, GrantSource.REQUEST,
                PermissionKind.TEMPORARY, ledger.now.plus(WEEK), "wamid.A1", V1, "R-REPLY-ACCEPT"));
        assertThat(ledger.status().state()).isEqualTo(LedgerState.GRANTED);
    }

    @Test
    void theSameReplyAgainIsUnchangedAndDoesNotGrantAgain() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.accept("wamid.A1");

        Decision again = ledger.after(DAY).accept("wamid.A1");

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(again.events()).isEmpty();
        assertThat(ledger.eventsOf(PermissionGranted.class)).hasSize(1);
        assertThat(ledger.state.permission().expiresAt()).isEqualTo(T0.plus(WEEK));
    }

    @Test
    void acceptingPermanentlyAfterATemporaryAcceptanceUpgradesUnderV2() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.accept("wamid.A1");

        Decision decision = ledger.after(HOUR).acceptPermanent("wamid.A1");

        assertThat(recorded(decision).events()).contains(new PermissionGranted(PAIR, ledger.now, GrantSource.REQUEST,
                PermissionKind.PERMANENT, null, "wamid.A1", V2, "R-REPLY-ACCEPT"));
        assertThat(ledger.statusAt(T0.plus(Duration.ofDays(365))).canCall()).isTrue();
    }
}
