package com.callpermissionledger.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.PolicyCatalog;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.pair.OutcomeMatcher.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where permissions come from and how they end: R-PERMISSION-REQUIRED, R-TEMPORARY-168H, R-PERMANENT,
 * R-PROFILE-GRANT, R-PROFILE-REVOKE, R-CALLBACK-GRANT, R-REPLY-ACCEPT, R-REPLY-DECLINE.
 */
class PairAggregatePermissionRulesTest extends PairAggregateTestSupport {

    // ---- R-PERMISSION-REQUIRED ------------------------------------------------------------------------

    @Test
    void rPermissionRequired_callWithoutAnyPermissionIsRefusedAndRecorded() {
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c1", RefusalCode.NO_PERMISSION,
                "R-PERMISSION-REQUIRED", null, List.of(), V1);

        fixture.givenNoPriorActivity()
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(
                        refused(RefusalCode.NO_PERMISSION, RuleId.PERMISSION_REQUIRED, null, List.of(), refusal))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(((Decision.Refused) o.decision()).refusal().detail())
                            .contains("ledger state NONE");
                    assertThat(o.state().calls()).isEmpty();
                }));
        assertThat(terms.askedFor()).containsExactly(BUSINESS);
    }

    @Test
    void rPermissionRequired_callAfterTheUserDeclinedIsRefusedAndSaysDeclined() {
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c1", RefusalCode.NO_PERMISSION,
                "R-PERMISSION-REQUIRED", null, List.of(), V1);

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(3))),
                        delivered("wamid.r1", ago(Duration.ofHours(2))),
                        new PermissionReplyRecorded(PAIR, ago(Duration.ofHours(1)), "wamid.r1", ReplyResponse.REJECT,
                                false, ago(Duration.ofHours(1)).plus(WEEK), false))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(
                        refused(RefusalCode.NO_PERMISSION, RuleId.PERMISSION_REQUIRED, null, List.of(), refusal))
                .expectResultMessagePayloadMatching(outcome(o -> assertThat(
                        ((Decision.Refused) o.decision()).refusal().detail())
                        .contains("ledger state DECLINED")));
    }

    @Test
    void rPermissionRequired_callAfterProfileRevocationIsRefused() {
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c1", RefusalCode.NO_PERMISSION,
                "R-PERMISSION-REQUIRED", null, List.of(), V1);

        fixture.given(profileGrant(ago(Duration.ofHours(5))),
                        new PermissionRevoked(PAIR, ago(Duration.ofHours(1)), RevocationSource.BUSINESS_PROFILE, V1,
                                "R-PROFILE-REVOKE"))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(
                        refused(RefusalCode.NO_PERMISSION, RuleId.PERMISSION_REQUIRED, null, List.of(), refusal));
    }

    @Test
    void rPermissionRequired_callWithinAValidPermissionIsPlaced() {
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c1", V1);

        fixture.given(profileGrant(ago(Duration.ofHours(1))))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed))
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().calls()).containsOnlyKeys("wacid.c1")));
    }

    // ---- R-TEMPORARY-168H -----------------------------------------------------------------------------

    @Test
    void rTemporary168h_permissionIsStillValidOneMillisecondBeforeItsExpiry() {
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c1", V1);

        fixture.given(profileGrant(ago(HOURS_168.minusMillis(1))))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed));
    }

    @Test
    void rTemporary168h_callAtTheExpiryInstantRecordsTheExpiryThenTheRefusal() {
        Instant grantedAt = ago(HOURS_168);
        PermissionExpired expired = new PermissionExpired(PAIR, NOW, grantedAt, "R-TEMPORARY-168H");
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c1", RefusalCode.NO_PERMISSION,
                "R-PERMISSION-REQUIRED", null, List.of(), V1);

        fixture.given(profileGrant(grantedAt))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(expired, refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.NO_PERMISSION, RuleId.PERMISSION_REQUIRED,
                        null, List.of(), expired, refusal))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(((Decision.Refused) o.decision()).refusal().detail())
                            .contains("ledger state EXPIRED");
                    assertThat(o.state().permission()).isNull();
                    assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.EXPIRED);
                }));
    }

    @Test
    void rTemporary168h_acceptedRequestGrantsExactly604800Seconds() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, NOW.plus(Duration.ofDays(7)), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plusSeconds(604_800), "wamid.r1", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(2))))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permissionAt(NOW.plusSeconds(604_799))).isPresent();
                    assertThat(o.state().permissionAt(NOW.plusSeconds(604_800))).isEmpty();
                }));
    }

    // ---- R-PERMANENT ----------------------------------------------------------------------------------

    @Test
    void rPermanent_v2PermanentAcceptanceGrantsAPermanentPermissionWithoutExpiry() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        Instant sentAt = ago(Duration.ofHours(2));
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                true, NOW.plus(WEEK), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.PERMANENT,
                null, "wamid.r1", V2, "R-REPLY-ACCEPT");

        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.TEMPLATE, sentAt.plus(WEEK), V2))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, true))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(recorded(reply, granted))
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().holdsPermanentPermission(NOW.plus(Duration.ofDays(3650)))).isTrue()));
    }

    @Test
    void rPermanent_v1RecordsThePermanentAnswerButHoldsATemporaryPermission() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                true, NOW.plus(WEEK), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r1", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(2))))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, true))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(recorded(reply, granted));
    }

    @Test
    void rPermanent_v1ProfileGrantMarkedPermanentIsHeldAsTemporary() {
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.BUSINESS_PROFILE,
                PermissionKind.TEMPORARY, NOW.plus(HOURS_168), null, V1, "R-PROFILE-GRANT");

        fixture.givenNoPriorActivity()
                .when(new GrantPermission(PAIR, true))
                .expectEvents(granted)
                .expectResultMessagePayloadMatching(recorded(granted));
    }

    @Test
    void rPermanent_v2PermanentPermissionNeverExpires() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);

        fixture.given(permanentProfileGrant(ago(Duration.ofDays(400))))
                .when(new ExpireDue(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void rPermanent_v2CallLongAfterThePermanentGrantIsPlaced() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c1", V2);

        fixture.given(permanentProfileGrant(ago(Duration.ofDays(400))))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed));
    }

    // ---- R-PROFILE-GRANT ------------------------------------------------------------------------------

    @Test
    void rProfileGrant_grantFromTheProfileIsRecordedAsATemporaryPermission() {
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.BUSINESS_PROFILE,
                PermissionKind.TEMPORARY, NOW.plus(HOURS_168), null, V1, "R-PROFILE-GRANT");

        fixture.givenNoPriorActivity()
                .when(new GrantPermission(PAIR, false))
                .expectEvents(granted)
                .expectResultMessagePayloadMatching(recorded(granted))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permissionAt(NOW)).isPresent();
                    assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.GRANTED);
                }));
    }

    @Test
    void rProfileGrant_repeatedTemporaryGrantStartsANew168h() {
        PermissionGranted renewed = new PermissionGranted(PAIR, NOW, GrantSource.BUSINESS_PROFILE,
                PermissionKind.TEMPORARY, NOW.plus(HOURS_168), null, V1, "R-PROFILE-GRANT");

        fixture.given(profileGrant(ago(Duration.ofDays(3))))
                .when(new GrantPermission(PAIR, false))
                .expectEvents(renewed)
                .expectResultMessagePayloadMatching(recorded(renewed));
    }

    @Test
    void rProfileGrant_v2SamePermanentProfileGrantInForceIsADuplicate() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);

        fixture.given(permanentProfileGrant(ago(Duration.ofDays(1))))
                .when(new GrantPermission(PAIR, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void rProfileGrant_aNewGrantEndsTheRunOfMissesAndClearsTheWarning() {
        Instant grantedAt = ago(Duration.ofHours(6));
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.BUSINESS_PROFILE,
                PermissionKind.TEMPORARY, NOW.plus(HOURS_168), null, V1, "R-PROFILE-GRANT");

        fixture.given(profileGrant(grantedAt),
                        placed("wacid.c1", ago(Duration.ofHours(5))),
                        new CallOutcomeRecorded(PAIR, ago(Duration.ofHours(5)).plusSeconds(40), "wacid.c1",
                                CallOutcome.UNANSWERED, 1),
                        placed("wacid.c2", ago(Duration.ofHours(4))),
                        new CallOutcomeRecorded(PAIR, ago(Duration.ofHours(4)).plusSeconds(40), "wacid.c2",
                                CallOutcome.REJECTED, 2),
                        new UnansweredCallsWarningRaised(PAIR, ago(Duration.ofHours(4)).plusSeconds(40), 2, V1,
                                "R-MISS-WARNING"))
                .when(new GrantPermission(PAIR, false))
                .expectEvents(granted)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().consecutiveMisses()).isZero();
                    assertThat(o.state().warning()).isFalse();
                }));
    }

    // ---- R-PROFILE-REVOKE -----------------------------------------------------------------------------

    @Test
    void rProfileRevoke_revocationFromTheProfileEndsThePermission() {
        PermissionRevoked revoked = new PermissionRevoked(PAIR, NOW, RevocationSource.BUSINESS_PROFILE, V1,
                "R-PROFILE-REVOKE");

        fixture.given(profileGrant(ago(Duration.ofHours(1))))
                .when(new RevokePermission(PAIR))
                .expectEvents(revoked)
                .expectResultMessagePayloadMatching(recorded(revoked))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission()).isNull();
                    assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.REVOKED);
                }));
    }

    @Test
    void rProfileRevoke_revokingWhenNothingIsHeldRecordsNothing() {
        fixture.given(requested("wamid.r1", ago(Duration.ofHours(1))))
                .when(new RevokePermission(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void rProfileRevoke_revokingAgainAfterARevocationRecordsNothing() {
        fixture.given(profileGrant(ago(Duration.ofHours(2))),
                        new PermissionRevoked(PAIR, ago(Duration.ofHours(1)), RevocationSource.BUSINESS_PROFILE, V1,
                                "R-PROFILE-REVOKE"))
                .when(new RevokePermission(PAIR))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    // ---- R-CALLBACK-GRANT -----------------------------------------------------------------------------

    @Test
    void rCallbackGrant_enabled_aMissedUserCallGrantsATemporaryPermission() {
        terms.callback(CallbackPermission.ENABLED);
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.MISSED, 0);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.CALLBACK, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wacid.u1", V1, "R-CALLBACK-GRANT");

        fixture.givenNoPriorActivity()
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.MISSED))
                .expectEvents(call, granted)
                .expectResultMessagePayloadMatching(recorded(call, granted));
    }

    @Test
    void rCallbackGrant_disabled_aUserCallGrantsNothing() {
        terms.callback(CallbackPermission.DISABLED);
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.MISSED, 0);

        fixture.givenNoPriorActivity()
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.MISSED))
                .expectEvents(call)
                .expectResultMessagePayloadMatching(recorded(call))
                .expectResultMessagePayloadMatching(outcome(o -> assertThat(o.state().permission()).isNull()));
    }

    @Test
    void rCallbackGrant_theSettingIsReadWhenEachCallIsDecided() {
        terms.callback(CallbackPermission.DISABLED);
        UserCallRecorded second = new UserCallRecorded(PAIR, NOW, "wacid.u2", UserCallOutcome.MISSED, 0);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.CALLBACK, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wacid.u2", V1, "R-CALLBACK-GRANT");

        var executor = fixture.givenCommands(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.MISSED));
        terms.callback(CallbackPermission.ENABLED);
        executor.when(new RecordUserCall(PAIR, "wacid.u2", UserCallOutcome.MISSED))
                .expectEvents(second, granted);
        List<Object> history = new ArrayList<>();
        fixture.getEventStore().readEvents(PAIR.value()).asStream().forEach(m -> history.add(m.getPayload()));
        assertThat(history).containsExactly(
                new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.MISSED, 0), second, granted);
    }

    @Test
    void rCallbackGrant_connectedUserCallResetsRequestLimitsAndGrants() {
        terms.callback(CallbackPermission.ENABLED);
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.CONNECTED, 0);
        RequestLimitsReset reset = new RequestLimitsReset(PAIR, NOW, "wacid.u1", "R-REQUEST-RESET");
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.CALLBACK, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wacid.u1", V1, "R-CALLBACK-GRANT");

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(2))))
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.CONNECTED))
                .expectEvents(call, reset, granted)
                .expectResultMessagePayloadMatching(recorded(call, reset, granted));
    }

    @Test
    void rCallbackGrant_v2NeverReplacesAPermanentPermission() {
        terms.policy(PolicyCatalog.WHATSAPP_V2).callback(CallbackPermission.ENABLED);
        Instant grantedAt = ago(Duration.ofDays(2));
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.CONNECTED, 0);

        fixture.given(permanentProfileGrant(grantedAt))
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.CONNECTED))
                .expectEvents(call)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission().kind()).isEqualTo(PermissionKind.PERMANENT);
                    assertThat(o.state().permission().grantedAt()).isEqualTo(grantedAt);
                }));
    }

    // ---- R-REPLY-ACCEPT -------------------------------------------------------------------------------

    @Test
    void rReplyAccept_acceptingADeliveredRequestGrantsATemporaryPermission() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, NOW.plus(WEEK), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r1", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(3))),
                        delivered("wamid.r1", ago(Duration.ofHours(2))))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(recorded(reply, granted))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission().source()).isEqualTo(GrantSource.REQUEST);
                    assertThat(o.state().permission().reference()).isEqualTo("wamid.r1");
                }));
    }

    @Test
    void rReplyAccept_aDeclinedRequestCanStillBeAcceptedAndKeepsItsFirstExpiry() {
        Instant declinedAt = ago(Duration.ofDays(2));
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, declinedAt.plus(WEEK), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r1", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", ago(Duration.ofDays(3))),
                        new PermissionReplyRecorded(PAIR, declinedAt, "wamid.r1", ReplyResponse.REJECT, false,
                                declinedAt.plus(WEEK), false))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(recorded(reply, granted));
    }

    @Test
    void rReplyAccept_aReplyToARequestTheLedgerNeverSentIsRecordedCountedAndGrants() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.elsewhere",
                ReplyResponse.ACCEPT, false, NOW.plus(WEEK), true);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.elsewhere", V1, "R-REPLY-ACCEPT");

        fixture.givenNoPriorActivity()
                .when(new RecordReply(PAIR, "wamid.elsewhere", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().countedRequests()).containsExactly(NOW)));
    }

    @Test
    void rReplyAccept_v2TemporaryAcceptanceAfterAPermanentOneOnTheSameRequestLeavesA168hPermission() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        Instant sentAt = ago(Duration.ofDays(2));
        Instant firstReplyAt = ago(Duration.ofDays(1));
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, firstReplyAt.plus(WEEK), false);
        PermissionGranted temporary = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r1", V2, "R-REPLY-ACCEPT");

        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.FREE_FORM, sentAt.plus(WEEK), V2),
                        new PermissionReplyRecorded(PAIR, firstReplyAt, "wamid.r1", ReplyResponse.ACCEPT, true,
                                firstReplyAt.plus(WEEK), false),
                        new PermissionGranted(PAIR, firstReplyAt, GrantSource.REQUEST, PermissionKind.PERMANENT, null,
                                "wamid.r1", V2, "R-REPLY-ACCEPT"))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, temporary)
                .expectResultMessagePayloadMatching(recorded(reply, temporary))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission().kind()).isEqualTo(PermissionKind.TEMPORARY);
                    assertThat(o.state().permissionAt(NOW.plus(HOURS_168).minusMillis(1))).isPresent();
                    assertThat(o.state().permissionAt(NOW.plus(HOURS_168))).isEmpty();
                }));
    }

    @Test
    void rReplyAccept_v2TemporaryAcceptanceReplacesAPermanentProfileGrant() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        Instant sentAt = ago(Duration.ofDays(2));
        Instant grantedAt = ago(Duration.ofDays(1));
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, NOW.plus(WEEK), false);
        PermissionGranted temporary = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r1", V2, "R-REPLY-ACCEPT");

        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.FREE_FORM, sentAt.plus(WEEK), V2),
                        permanentProfileGrant(grantedAt))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, temporary)
                .expectResultMessagePayloadMatching(recorded(reply, temporary));
    }

    // ---- R-REPLY-DECLINE ------------------------------------------------------------------------------

    @Test
    void rReplyDecline_aDeclineEndsThePermissionHeld() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.REJECT,
                false, NOW.plus(WEEK), false);
        PermissionRevoked revoked = new PermissionRevoked(PAIR, NOW, RevocationSource.DECLINE, V1, "R-REPLY-DECLINE");

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(3))),
                        profileGrant(ago(Duration.ofHours(2))))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.REJECT, false))
                .expectEvents(reply, revoked)
                .expectResultMessagePayloadMatching(recorded(reply, revoked))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission()).isNull();
                    assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.DECLINED);
                }));
    }

    @Test
    void rReplyDecline_aDeclineWithoutPermissionRecordsOnlyTheReply() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.REJECT,
                false, NOW.plus(WEEK), false);

        fixture.given(requested("wamid.r1", ago(Duration.ofHours(3))))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.REJECT, false))
                .expectEvents(reply)
                .expectResultMessagePayloadMatching(recorded(reply))
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.DECLINED)));
    }
}
