package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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

/** R-PERMANENT (permanent only where the policy allows it) and R-REQUEST-WHILE-PERMANENT (under any policy). */
class PermanentPermissionTest {

    @Test
    void underV2APermanentAcceptanceGrantsAPermissionThatNeverExpires() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");

        Decision decision = ledger.after(HOUR).acceptPermanent("wamid.A1");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, ledger.now, "wamid.A1", ReplyResponse.ACCEPT, true,
                        ledger.now.plus(WEEK), false),
                new PermissionGranted(PAIR, ledger.now, GrantSource.REQUEST, PermissionKind.PERMANENT, null,
                        "wamid.A1", V2, "R-REPLY-ACCEPT"));
        Decision muchLater = ledger.at(T0.plus(Duration.ofDays(1000))).place("wacid.1");
        assertThat(recorded(muchLater).events()).endsWith(new CallPlaced(PAIR, ledger.now, "wacid.1", V2))
                .noneMatch(PermissionExpired.class::isInstance);
        assertThat(ledger.status().state()).isEqualTo(LedgerState.GRANTED);
        assertThat(ledger.status().permission().expiresAt()).isNull();
    }

    @Test
    void underV1APermanentAcceptanceIsRecordedAsAskedButHeldAsTemporary() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");

        Decision decision = ledger.acceptPermanent("wamid.A1");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, T0, "wamid.A1", ReplyResponse.ACCEPT, true, T0.plus(WEEK), false),
                new PermissionGranted(PAIR, T0, GrantSource.REQUEST, PermissionKind.TEMPORARY, T0.plus(WEEK),
                        "wamid.A1", V1, "R-REPLY-ACCEPT"));
        assertThat(ledger.statusAt(T0.plus(WEEK)).canCall()).isFalse();
    }

    @Test
    void underV1APermanentProfileGrantIsHeldAsTemporaryAndRecordedEveryTime() {
        Ledger ledger = Ledger.v1();
        ledger.grantPermanent();

        Decision again = ledger.after(DAY).grantPermanent();

        assertThat(recorded(again).events()).containsExactly(new PermissionGranted(PAIR, T0.plus(DAY),
                GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY, T0.plus(DAY).plus(WEEK), null, V1,
                "R-PROFILE-GRANT"));
    }

    @Test
    void underV2ARequestWhileAPermanentPermissionIsHeldIsRefused() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();

        Decision.Refused decision = refused(ledger.after(Duration.ofDays(10)).send("wamid.A1", Channel.FREE_FORM));

        assertThat(decision.events()).containsExactly(new PermissionRequestRefused(PAIR, ledger.now, "wamid.A1",
                Channel.FREE_FORM, RefusalCode.PERMANENT_PERMISSION_EXISTS, "R-REQUEST-WHILE-PERMANENT", null,
                List.of(T0), V2));
        assertThat(decision.refusal().rule()).isEqualTo(RuleId.REQUEST_WHILE_PERMANENT);
        assertThat(decision.refusal().retryAt()).isNull();
        assertThat(decision.refusal().evidence()).containsExactly(T0);
        assertThat(RefusalCode.PERMANENT_PERMISSION_EXISTS.platformCode()).isEqualTo(138017);
        assertThat(ledger.status().requestBlockedBy()).map(Refusal::code)
                .contains(RefusalCode.PERMANENT_PERMISSION_EXISTS);
    }

    @Test
    void thePermanentRefusalComesBeforeAFullWindow() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.acceptPermanent("wamid.A1");

        Decision.Refused decision = refused(ledger.after(HOUR).send("wamid.A2"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.PERMANENT_PERMISSION_EXISTS);
    }

    @Test
    void underV2ARequestWhileOnlyATemporaryPermissionIsHeldIsAllowed() {
        Ledger ledger = Ledger.v2();
        ledger.grant();

        assertThat(ledger.after(HOUR).send("wamid.A1")).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void afterThePermanentPermissionIsRevokedRequestsAreAllowedAgain() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();
        ledger.after(HOUR).revoke();

        assertThat(ledger.after(HOUR).send("wamid.A1")).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void aTemporaryAcceptanceReplacesAPermanentPermission() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();

        Decision decision = ledger.after(HOUR).accept("wamid.X1");

        assertThat(recorded(decision).events()).containsExactly(new PermissionReplyRecorded(PAIR, ledger.now,
                "wamid.X1", ReplyResponse.ACCEPT, false, ledger.now.plus(WEEK), true),
                new PermissionGranted(PAIR, ledger.now, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        ledger.now.plus(WEEK), "wamid.X1", V2, "R-REPLY-ACCEPT"));
        assertThat(ledger.statusAt(ledger.now.plus(WEEK).minusMillis(1)).canCall()).isTrue();
        assertThat(ledger.statusAt(ledger.now.plus(WEEK)).canCall()).isFalse();
    }

    @Test
    void changingAPermanentAcceptanceToTemporaryOnTheSameRequestLeavesATemporaryPermissionFromThatReply() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.after(HOUR).acceptPermanent("wamid.A1");
        var firstReplyAt = ledger.now;

        Decision decision = ledger.after(DAY).accept("wamid.A1");

        assertThat(recorded(decision).events()).containsExactly(new PermissionReplyRecorded(PAIR, ledger.now,
                "wamid.A1", ReplyResponse.ACCEPT, false, firstReplyAt.plus(WEEK), false),
                new PermissionGranted(PAIR, ledger.now, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        ledger.now.plus(WEEK), "wamid.A1", V2, "R-REPLY-ACCEPT"));
        assertThat(ledger.status().permission().kind()).isEqualTo(PermissionKind.TEMPORARY);
        assertThat(ledger.status().canRequest()).as("no permanent permission any more").isTrue();
        assertThat(ledger.statusAt(ledger.now.plus(WEEK)).state()).isEqualTo(LedgerState.EXPIRED);
    }

    @Test
    void underV1ARequestIsStillRefusedWhileAPermanentPermissionFromV2IsHeld() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();
        ledger.terms = new BusinessTerms(PolicyCatalog.WHATSAPP_V1, CallbackPermission.DISABLED);

        Decision.Refused decision = refused(ledger.after(DAY).send("wamid.A1"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.PERMANENT_PERMISSION_EXISTS);
        assertThat(decision.events()).containsExactly(new PermissionRequestRefused(PAIR, ledger.now, "wamid.A1",
                Channel.TEMPLATE, RefusalCode.PERMANENT_PERMISSION_EXISTS, "R-REQUEST-WHILE-PERMANENT", null,
                List.of(T0), V1));
        assertThat(ledger.status().requestBlockedBy()).map(Refusal::code)
                .contains(RefusalCode.PERMANENT_PERMISSION_EXISTS);
        assertThat(ledger.status().permission().kind()).isEqualTo(PermissionKind.PERMANENT);
    }

    @Test
    void permanentPermissionsStillObeyTheCallCap() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();
        for (int i = 1; i <= 100; i++) {
            ledger.place("wacid." + i);
        }

        assertThat(refused(ledger.place("wacid.101")).refusal().code()).isEqualTo(RefusalCode.CALL_LIMIT_24H);
    }
}
