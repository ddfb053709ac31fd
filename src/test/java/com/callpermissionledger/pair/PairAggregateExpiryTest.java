package com.callpermissionledger.pair;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.pair.OutcomeMatcher.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry with simulated time (R-TEMPORARY-168H, R-REQUEST-EXPIRY): the history is recorded at {@code T}, the
 * clock is moved, and {@link ExpireDue} (or any other command) records what fell due, dated when it fell due.
 */
class PairAggregateExpiryTest extends PairAggregateTestSupport {

    /** The instant the history happens at; the clock is moved forward from here. */
    private static final Instant T = NOW;

    // ---- R-TEMPORARY-168H -----------------------------------------------------------------------------

    @Test
    void rTemporary168h_expireDueAtT168hRecordsPermissionExpiredDatedExactlyThen() {
        PermissionExpired expired = new PermissionExpired(PAIR, T.plus(Duration.ofHours(168)), T, "R-TEMPORARY-168H");
        clock.set(T.plus(Duration.ofHours(168)));

        fixture.given(profileGrant(T))
                .when(new ExpireDue(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expired)
                .expectResultMessagePayloadMatching(recorded(expired))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission()).isNull();
                    assertThat(o.state().ledgerStateAt(clock.instant())).isEqualTo(LedgerState.EXPIRED);
                }));
    }

    @Test
    void rTemporary168h_anExpiryNoticedLateIsStillDatedAtItsDueInstant() {
        PermissionExpired expired = new PermissionExpired(PAIR, T.plus(Duration.ofHours(168)), T, "R-TEMPORARY-168H");
        clock.set(T.plus(Duration.ofHours(200)));

        fixture.given(profileGrant(T))
                .when(new ExpireDue(PAIR))
                .expectEvents(expired);
    }

    @Test
    void rTemporary168h_nothingIsDueOneMillisecondBeforeExpiry() {
        clock.set(T.plus(Duration.ofHours(168)).minusMillis(1));

        fixture.given(profileGrant(T))
                .when(new ExpireDue(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void rTemporary168h_anExpiryAlreadyRecordedIsNotRecordedAgain() {
        clock.set(T.plus(Duration.ofHours(300)));

        fixture.given(profileGrant(T), new PermissionExpired(PAIR, T.plus(HOURS_168), T, "R-TEMPORARY-168H"))
                .when(new ExpireDue(PAIR))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void rTemporary168h_aCommandAfterTheExpiryFellDueRecordsTheExpiryFirstThenItsOwnDecision() {
        Instant now = clock.advance(Duration.ofHours(170));
        PermissionExpired expired = new PermissionExpired(PAIR, T.plus(HOURS_168), T, "R-TEMPORARY-168H");
        PermissionRequested requested = new PermissionRequested(PAIR, now, "wamid.r1", Channel.FREE_FORM,
                now.plus(WEEK), V1);

        fixture.given(profileGrant(T))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.FREE_FORM))
                .expectEvents(expired, requested)
                .expectResultMessagePayloadMatching(recorded(expired, requested));
    }

    @Test
    void rTemporary168h_aCallAfterTheExpiryFellDueRecordsTheExpiryThenTheRefusal() {
        Instant now = clock.advance(Duration.ofHours(169));
        PermissionExpired expired = new PermissionExpired(PAIR, T.plus(HOURS_168), T, "R-TEMPORARY-168H");
        CallRefused refusal = new CallRefused(PAIR, now, "wacid.c1", RefusalCode.NO_PERMISSION,
                "R-PERMISSION-REQUIRED", null, List.of(), V1);

        fixture.given(profileGrant(T))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(expired, refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.NO_PERMISSION, RuleId.PERMISSION_REQUIRED,
                        null, List.of(), expired, refusal));
    }

    // ---- R-REQUEST-EXPIRY -----------------------------------------------------------------------------

    @Test
    void rRequestExpiry_deliveredAtTWithoutReplyExpiresAtTPlus7d_noResponse() {
        PermissionRequestExpired expired = new PermissionRequestExpired(PAIR, T.plus(Duration.ofDays(7)),
                "wamid.r1", RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY");
        clock.set(T.plus(Duration.ofDays(7)));

        fixture.given(requested("wamid.r1", T.minus(Duration.ofMinutes(10))), delivered("wamid.r1", T))
                .when(new ExpireDue(PAIR))
                .expectEvents(expired)
                .expectResultMessagePayloadMatching(recorded(expired))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().requests().get("wamid.r1").expiryReason())
                            .isEqualTo(RequestExpiryReason.NO_RESPONSE);
                    assertThat(o.state().ledgerStateAt(clock.instant())).isEqualTo(LedgerState.EXPIRED);
                }));
    }

    @Test
    void rRequestExpiry_theDeliveryReportMovesTheNoResponseClock() {
        Instant deliveredAt = clock.advance(Duration.ofDays(1));
        PermissionRequestDelivered delivery = new PermissionRequestDelivered(PAIR, deliveredAt, "wamid.r1",
                deliveredAt.plus(Duration.ofDays(7)), false);

        fixture.given(requested("wamid.r1", T))
                .when(new MarkRequestDelivered(PAIR, "wamid.r1"))
                .expectEvents(delivery)
                .expectResultMessagePayloadMatching(recorded(delivery));
    }

    @Test
    void rRequestExpiry_aDeliveredRequestIsStillOpenSevenDaysAfterSending() {
        clock.set(T.plus(Duration.ofDays(7)));

        fixture.given(requested("wamid.r1", T), delivered("wamid.r1", T.plus(Duration.ofDays(1))))
                .when(new ExpireDue(PAIR))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void rRequestExpiry_aRequestNeverReportedDeliveredExpiresSevenDaysAfterSending() {
        PermissionRequestExpired expired = new PermissionRequestExpired(PAIR, T.plus(Duration.ofDays(7)), "wamid.r1",
                RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY");
        clock.set(T.plus(Duration.ofDays(7)));

        fixture.given(requested("wamid.r1", T))
                .when(new ExpireDue(PAIR))
                .expectEvents(expired);
    }

    @Test
    void rRequestExpiry_aRepliedRequestExpiresSevenDaysAfterTheReply_afterReply() {
        PermissionRequestExpired expired = new PermissionRequestExpired(PAIR, T.plus(Duration.ofDays(7)), "wamid.r1",
                RequestExpiryReason.AFTER_REPLY, "R-REQUEST-EXPIRY");
        clock.set(T.plus(Duration.ofDays(7)));

        fixture.given(requested("wamid.r1", T.minus(Duration.ofHours(2))),
                        delivered("wamid.r1", T.minus(Duration.ofHours(1))),
                        new PermissionReplyRecorded(PAIR, T, "wamid.r1", ReplyResponse.REJECT, false,
                                T.plus(Duration.ofDays(7)), false))
                .when(new ExpireDue(PAIR))
                .expectEvents(expired)
                .expectResultMessagePayloadMatching(recorded(expired));
    }

    @Test
    void rRequestExpiry_acceptedRequestAndItsPermissionBothExpireSevenDaysAfterTheReply() {
        Instant due = T.plus(Duration.ofDays(7));
        PermissionRequestExpired requestExpired = new PermissionRequestExpired(PAIR, due, "wamid.r1",
                RequestExpiryReason.AFTER_REPLY, "R-REQUEST-EXPIRY");
        PermissionExpired permissionExpired = new PermissionExpired(PAIR, due, T, "R-TEMPORARY-168H");
        clock.set(due);

        fixture.given(requested("wamid.r1", T.minus(Duration.ofHours(2))),
                        new PermissionReplyRecorded(PAIR, T, "wamid.r1", ReplyResponse.ACCEPT, false, due, false),
                        new PermissionGranted(PAIR, T, GrantSource.REQUEST, PermissionKind.TEMPORARY, due, "wamid.r1",
                                V1, "R-REPLY-ACCEPT"))
                .when(new ExpireDue(PAIR))
                .expectEvents(requestExpired, permissionExpired);
    }

    @Test
    void rRequestExpiry_dueExpiriesAreRecordedInTheOrderTheyFellDue() {
        // the request was recorded first but falls due after the permission
        Instant requestDue = T.plus(Duration.ofHours(2)).plus(Duration.ofDays(7));
        PermissionExpired permissionExpired = new PermissionExpired(PAIR, T.plus(HOURS_168), T, "R-TEMPORARY-168H");
        PermissionRequestExpired requestExpired = new PermissionRequestExpired(PAIR, requestDue, "wamid.r1",
                RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY");
        clock.set(T.plus(Duration.ofDays(8)));

        fixture.given(requested("wamid.r1", T.minus(Duration.ofHours(1))),
                        profileGrant(T),
                        delivered("wamid.r1", T.plus(Duration.ofHours(2))))
                .when(new ExpireDue(PAIR))
                .expectEvents(permissionExpired, requestExpired)
                .expectResultMessagePayloadMatching(recorded(permissionExpired, requestExpired));
    }

    @Test
    void rRequestExpiry_answeringANewerRequestSupersedesTheOlderOpenOne() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r2", ReplyResponse.ACCEPT,
                false, NOW.plus(WEEK), false);
        PermissionRequestExpired superseded = new PermissionRequestExpired(PAIR, NOW, "wamid.r1",
                RequestExpiryReason.SUPERSEDED, "R-REQUEST-EXPIRY");
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r2", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", ago(Duration.ofDays(3))),
                        delivered("wamid.r1", ago(Duration.ofDays(3)).plusSeconds(5)),
                        requested("wamid.r2", ago(Duration.ofDays(1))),
                        delivered("wamid.r2", ago(Duration.ofDays(1)).plusSeconds(5)))
                .when(new RecordReply(PAIR, "wamid.r2", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, superseded, granted)
                .expectResultMessagePayloadMatching(recorded(reply, superseded, granted));
    }

    @Test
    void rRequestExpiry_answeringAnOlderRequestLeavesTheNewerOneOpen() {
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, NOW.plus(WEEK), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(HOURS_168), "wamid.r1", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", ago(Duration.ofDays(3))),
                        requested("wamid.r2", ago(Duration.ofDays(1))))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted);
    }

    @Test
    void rRequestExpiry_aReplyToAnExpiredRequestIsRefusedAndRecorded() {
        Instant expiredAt = ago(Duration.ofDays(1));
        PermissionReplyRefused refusal = new PermissionReplyRefused(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, expiredAt, "R-REQUEST-EXPIRY");

        fixture.given(requested("wamid.r1", expiredAt.minus(WEEK)),
                        new PermissionRequestExpired(PAIR, expiredAt, "wamid.r1", RequestExpiryReason.NO_RESPONSE,
                                "R-REQUEST-EXPIRY"))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_EXPIRED, RuleId.REQUEST_EXPIRY, null,
                        List.of(expiredAt), refusal))
                .expectResultMessagePayloadMatching(outcome(o -> assertThat(o.state().permission()).isNull()));
    }

    @Test
    void rRequestExpiry_aSupersededRequestCannotBeAcceptedAnyMore() {
        Instant supersededAt = ago(Duration.ofHours(1));
        PermissionReplyRefused refusal = new PermissionReplyRefused(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, supersededAt, "R-REQUEST-EXPIRY");

        fixture.given(requested("wamid.r1", ago(Duration.ofDays(3))),
                        requested("wamid.r2", ago(Duration.ofDays(1))),
                        new PermissionReplyRecorded(PAIR, supersededAt, "wamid.r2", ReplyResponse.REJECT, false,
                                supersededAt.plus(WEEK), false),
                        new PermissionRequestExpired(PAIR, supersededAt, "wamid.r1", RequestExpiryReason.SUPERSEDED,
                                "R-REQUEST-EXPIRY"))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_EXPIRED, RuleId.REQUEST_EXPIRY, null,
                        List.of(supersededAt), refusal));
    }

    @Test
    void rRequestExpiry_aReplyArrivingAfterAnUnrecordedExpiryRecordsTheExpiryFirst() {
        Instant deliveredAt = T.plus(Duration.ofHours(1));
        Instant due = deliveredAt.plus(Duration.ofDays(7));
        Instant now = clock.advance(Duration.ofDays(7).plusHours(1).plusMinutes(5));
        PermissionRequestExpired expired = new PermissionRequestExpired(PAIR, due, "wamid.r1",
                RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY");
        PermissionReplyRefused refusal = new PermissionReplyRefused(PAIR, now, "wamid.r1", ReplyResponse.ACCEPT,
                false, due, "R-REQUEST-EXPIRY");

        fixture.given(requested("wamid.r1", T), delivered("wamid.r1", deliveredAt))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(expired, refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_EXPIRED, RuleId.REQUEST_EXPIRY, null,
                        List.of(due), expired, refusal));
    }

    @Test
    void rRequestExpiry_aDeclinedRequestCanBeAcceptedUntilTheMillisecondBeforeItExpires() {
        Instant due = T.plus(Duration.ofDays(7));
        Instant now = clock.advance(Duration.ofDays(7).minusMillis(1));
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, now, "wamid.r1", ReplyResponse.ACCEPT,
                false, due, false);
        PermissionGranted granted = new PermissionGranted(PAIR, now, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                now.plus(HOURS_168), "wamid.r1", V1, "R-REPLY-ACCEPT");

        fixture.given(requested("wamid.r1", T.minus(Duration.ofHours(1))),
                        new PermissionReplyRecorded(PAIR, T, "wamid.r1", ReplyResponse.REJECT, false, due, false))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted);
    }

    @Test
    void rRequestExpiry_expireDueWithNothingDueRecordsNothing() {
        clock.advance(Duration.ofDays(1));

        fixture.given(requested("wamid.r1", T), profileGrant(T))
                .when(new ExpireDue(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    /**
     * A duplicate at the instant a request expires records nothing, so the expiry is not recorded yet; the
     * state any answer is read from (the recorded state with the due expiries applied) already shows it,
     * dated and explained exactly as the sweeper will record it.
     */
    @Test
    void rRequestExpiry_aDuplicateAtTheDueInstantRecordsNothingYetTheAnswerStateShowsTheExpiry() {
        Instant sentAt = ago(WEEK);

        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.TEMPLATE, sentAt.plus(WEEK), V1))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.TEMPLATE))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged())
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().requests().get("wamid.r1").expiredAt()).as("not recorded").isNull();
                    var answered = com.callpermissionledger.policy.PairDecider.stateAt(PAIR, o.state(), NOW)
                            .requests().get("wamid.r1");
                    assertThat(answered.expiredAt()).isEqualTo(NOW);
                    assertThat(answered.expiryReason()).isEqualTo(RequestExpiryReason.NO_RESPONSE);
                }));
        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.TEMPLATE, sentAt.plus(WEEK), V1))
                .when(new ExpireDue(PAIR))
                .expectEvents(new PermissionRequestExpired(PAIR, NOW, "wamid.r1", RequestExpiryReason.NO_RESPONSE,
                        "R-REQUEST-EXPIRY"));
    }
}
