package com.callpermissionledger.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RejectionCode;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The other outcomes: a duplicate records nothing and answers {@code Unchanged}; a contradiction records
 * nothing and answers {@code Rejected}; a refused attempt does not claim its id.
 *
 * <p>On a pair with no history, a decision that applies no event must leave the aggregate exactly as the
 * repository would rebuild it (the fixture's illegal-state-change check stays on for that).
 */
class PairAggregateIdempotencyTest extends PairAggregateTestSupport {

    private static Instant hoursAgo(long h) {
        return ago(Duration.ofHours(h));
    }

    // ---- duplicates -----------------------------------------------------------------------------------

    @Test
    void duplicateSendPermissionRequest_recordsNothingAndIsUnchanged() {
        fixture.given(requested("wamid.r1", hoursAgo(1)))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.FREE_FORM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void duplicateDeliveryReport_recordsNothingAndIsUnchanged() {
        fixture.given(requested("wamid.r1", hoursAgo(2)), delivered("wamid.r1", hoursAgo(1)))
                .when(new MarkRequestDelivered(PAIR, "wamid.r1"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void duplicateReply_recordsNothingAndIsUnchanged() {
        fixture.given(requested("wamid.r1", hoursAgo(2)),
                        new PermissionReplyRecorded(PAIR, hoursAgo(1), "wamid.r1", ReplyResponse.ACCEPT, false,
                                hoursAgo(1).plus(WEEK), false),
                        grantFromReply(hoursAgo(1)))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    private static PermissionGranted grantFromReply(Instant at) {
        return new PermissionGranted(PAIR, at, GrantSource.REQUEST, PermissionKind.TEMPORARY, at.plus(HOURS_168),
                "wamid.r1", V1, "R-REPLY-ACCEPT");
    }

    @Test
    void duplicatePlaceCall_recordsNothingAndIsUnchanged_evenWhenTheCapIsNowFull() {
        fixture.given(profileGrant(hoursAgo(6)),
                        placed("wacid.c1", hoursAgo(5)),
                        placed("wacid.c2", hoursAgo(4)),
                        placed("wacid.c3", hoursAgo(3)),
                        placed("wacid.c4", hoursAgo(2)),
                        placed("wacid.c5", hoursAgo(1)))
                .when(new PlaceCall(PAIR, "wacid.c3"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void duplicateCallOutcome_recordsNothingAndIsUnchanged() {
        fixture.given(profileGrant(hoursAgo(2)),
                        placed("wacid.c1", hoursAgo(1)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(1).plusSeconds(60), "wacid.c1", CallOutcome.UNANSWERED,
                                1))
                .when(new RecordCallOutcome(PAIR, "wacid.c1", CallOutcome.UNANSWERED))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void duplicateUserCall_recordsNothingAndIsUnchanged() {
        fixture.given(new UserCallRecorded(PAIR, hoursAgo(1), "wacid.u1", UserCallOutcome.MISSED, 0))
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.MISSED))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void duplicateAfterAnExpiryFellDue_recordsNothingNotEvenTheExpiry() {
        // a duplicate is answered Unchanged before the due expiries are considered; ExpireDue records them later
        clock.advance(Duration.ofHours(170));

        fixture.given(profileGrant(NOW), placed("wacid.c1", NOW.plus(Duration.ofHours(1))))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    // ---- contradictions ---------------------------------------------------------------------------------

    @Test
    void sameRequestIdWithAnotherChannel_isRejectedAndRecordsNothing() {
        fixture.given(requested("wamid.r1", hoursAgo(1)))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.TEMPLATE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(RejectionCode.IDEMPOTENCY_CONFLICT));
    }

    @Test
    void sendingARequestIdTheLedgerOnlyLearnedOf_isRejectedAndRecordsNothing() {
        fixture.given(new PermissionRequestDelivered(PAIR, hoursAgo(1), "wamid.r1", hoursAgo(1).plus(WEEK), true))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.FREE_FORM))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(RejectionCode.IDEMPOTENCY_CONFLICT));
    }

    @Test
    void aSecondDifferentCallOutcome_isRejectedAndRecordsNothing() {
        fixture.given(profileGrant(hoursAgo(2)),
                        placed("wacid.c1", hoursAgo(1)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(1).plusSeconds(60), "wacid.c1", CallOutcome.CONNECTED,
                                0))
                .when(new RecordCallOutcome(PAIR, "wacid.c1", CallOutcome.UNANSWERED))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(RejectionCode.OUTCOME_ALREADY_RECORDED));
    }

    @Test
    void anOutcomeForACallNeverPlaced_isRejectedAndRecordsNothing() {
        fixture.given(profileGrant(hoursAgo(2)))
                .when(new RecordCallOutcome(PAIR, "wacid.unknown", CallOutcome.CONNECTED))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(RejectionCode.UNKNOWN_CALL));
    }

    @Test
    void aSecondDifferentUserCallOutcome_isRejectedAndRecordsNothing() {
        fixture.given(new UserCallRecorded(PAIR, hoursAgo(1), "wacid.u1", UserCallOutcome.MISSED, 0))
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.CONNECTED))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(RejectionCode.IDEMPOTENCY_CONFLICT));
    }

    // ---- a pair with no history -------------------------------------------------------------------------

    @Test
    void freshPair_anOutcomeForACallNeverPlaced_isRejectedAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new RecordCallOutcome(PAIR, "wacid.unknown", CallOutcome.CONNECTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(RejectionCode.UNKNOWN_CALL));
    }

    @Test
    void freshPair_expireDueRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ExpireDue(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    @Test
    void freshPair_revokeRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new RevokePermission(PAIR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(unchanged());
    }

    // ---- refused attempts do not claim their id ------------------------------------------------------

    @Test
    void aRefusedRequestIdSentAgainAtRetryAtIsDecidedAnewAndRecorded() {
        Instant first = hoursAgo(23);
        Instant retryAt = first.plus(DAY);
        clock.set(retryAt);
        PermissionRequested requested = new PermissionRequested(PAIR, retryAt, "wamid.r2", Channel.TEMPLATE,
                retryAt.plus(WEEK), V1);

        fixture.given(requested("wamid.r1", first),
                        new PermissionRequestRefused(PAIR, hoursAgo(1), "wamid.r2", Channel.TEMPLATE,
                                RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", retryAt, List.of(first), V1))
                .when(new SendPermissionRequest(PAIR, "wamid.r2", Channel.TEMPLATE))
                .expectEvents(requested)
                .expectResultMessagePayloadMatching(recorded(requested));
    }

    @Test
    void aRefusedCallIdPlacedAgainAfterAGrantIsDecidedAnewAndRecorded() {
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c1", V1);

        fixture.given(new CallRefused(PAIR, hoursAgo(2), "wacid.c1", RefusalCode.NO_PERMISSION,
                                "R-PERMISSION-REQUIRED", null, List.of(), V1),
                        profileGrant(hoursAgo(1)))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed));
    }

    @Test
    void aRefusedCallIdPlacedAgainWhileStillRefusedRecordsASecondRefusal() {
        CallRefused again = new CallRefused(PAIR, NOW, "wacid.c1", RefusalCode.NO_PERMISSION,
                "R-PERMISSION-REQUIRED", null, List.of(), V1);

        fixture.given(new CallRefused(PAIR, hoursAgo(2), "wacid.c1", RefusalCode.NO_PERMISSION,
                        "R-PERMISSION-REQUIRED", null, List.of(), V1))
                .when(new PlaceCall(PAIR, "wacid.c1"))
                .expectEvents(again);
    }
}
