package com.callpermissionledger.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.DivergenceSubject;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionRequestFailed;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PlatformDivergenceRecorded;
import com.callpermissionledger.policy.event.RequestSlotFreed;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.pair.OutcomeMatcher.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts the platform reports, judged in business time: the run of misses (R-FACT-TIME with R-MISS-WARNING,
 * R-MISS-REVOKE), failed requests (R-REQUEST-FAILED) and calls connected without permission (R-PLATFORM-DIVERGENCE).
 */
class PairAggregateLateFactsTest extends PairAggregateTestSupport {

    private static Instant hoursAgo(long h) {
        return ago(Duration.ofHours(h));
    }

    @Test
    void rFactTime_aMissDatedBeforeTheLatestConnectedCallStaysOutOfTheRun() {
        CallOutcomeRecorded late = new CallOutcomeRecorded(PAIR, hoursAgo(3), "wacid.old", CallOutcome.UNANSWERED, 1);

        fixture.given(profileGrant(hoursAgo(5)),
                        placed("wacid.c1", hoursAgo(2)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(2), "wacid.c1", CallOutcome.CONNECTED, 0),
                        placed("wacid.c2", hoursAgo(1)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(1), "wacid.c2", CallOutcome.UNANSWERED, 1))
                .when(new RecordCallOutcome(PAIR, "wacid.old", CallOutcome.UNANSWERED, hoursAgo(3), true))
                .expectEvents(late)
                .expectResultMessagePayloadMatching(recorded(late))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().consecutiveMisses()).as("only the miss after the connected call").isEqualTo(1);
                    assertThat(o.state().warning()).isFalse();
                }));
    }

    @Test
    void rFactTime_theSameMissOnTimeWouldHaveRaisedTheWarning() {
        CallOutcomeRecorded onTime = new CallOutcomeRecorded(PAIR, NOW, "wacid.c3", CallOutcome.UNANSWERED, 2);
        UnansweredCallsWarningRaised warning = new UnansweredCallsWarningRaised(PAIR, NOW, 2, V1, "R-MISS-WARNING");

        fixture.given(profileGrant(hoursAgo(5)),
                        placed("wacid.c1", hoursAgo(2)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(2), "wacid.c1", CallOutcome.CONNECTED, 0),
                        placed("wacid.c2", hoursAgo(1)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(1), "wacid.c2", CallOutcome.UNANSWERED, 1))
                .when(new RecordCallOutcome(PAIR, "wacid.c3", CallOutcome.UNANSWERED, null, true))
                .expectEvents(onTime, warning);
    }

    @Test
    void rFactTime_lateMissesDatedBeforeAGrantDoNotRevokeIt() {
        CallOutcomeRecorded late = new CallOutcomeRecorded(PAIR, hoursAgo(4), "wacid.old4", CallOutcome.REJECTED, 0);

        fixture.given(new CallOutcomeRecorded(PAIR, hoursAgo(7), "wacid.old1", CallOutcome.REJECTED, 1),
                        new CallOutcomeRecorded(PAIR, hoursAgo(6), "wacid.old2", CallOutcome.REJECTED, 2),
                        new UnansweredCallsWarningRaised(PAIR, hoursAgo(6), 2, V1, "R-MISS-WARNING"),
                        new CallOutcomeRecorded(PAIR, hoursAgo(5), "wacid.old3", CallOutcome.REJECTED, 3),
                        profileGrant(hoursAgo(1)))
                .when(new RecordCallOutcome(PAIR, "wacid.old4", CallOutcome.REJECTED, hoursAgo(4), true))
                .expectEvents(late)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permissionAt(NOW)).as("no R-MISS-REVOKE from a run the grant ended").isPresent();
                    assertThat(o.state().consecutiveMisses()).isZero();
                }));
    }

    @Test
    void rRequestFailed_aFailedRequestFreesItsPlaceSoTheNextRequestIsAllowed() {
        PermissionRequestFailed failed = new PermissionRequestFailed(PAIR, hoursAgo(2), "wamid.r1", false);
        RequestSlotFreed freed = new RequestSlotFreed(PAIR, hoursAgo(2), "wamid.r1", hoursAgo(3), "R-REQUEST-FAILED");

        fixture.given(requested("wamid.r1", hoursAgo(3)))
                .when(new MarkRequestFailed(PAIR, "wamid.r1", hoursAgo(2)))
                .expectEvents(failed, freed)
                .expectResultMessagePayloadMatching(recorded(failed, freed));
    }

    @Test
    void rRequestFailed_afterTheFailureANewRequestIsSentWithinTheSameDay() {
        PermissionRequested next = new PermissionRequested(PAIR, NOW, "wamid.r2", Channel.TEMPLATE, NOW.plus(WEEK), V1);

        fixture.given(requested("wamid.r1", hoursAgo(3)),
                        new PermissionRequestFailed(PAIR, hoursAgo(2), "wamid.r1", false),
                        new RequestSlotFreed(PAIR, hoursAgo(2), "wamid.r1", hoursAgo(3), "R-REQUEST-FAILED"))
                .when(new SendPermissionRequest(PAIR, "wamid.r2", Channel.TEMPLATE))
                .expectEvents(next);
    }

    @Test
    void rPlatformDivergence_aCallConnectedAfterThePermissionExpiredIsRecordedWithTheDisagreement() {
        Instant grantedAt = NOW.minus(HOURS_168).minus(DAY);
        Instant connectedAt = hoursAgo(1);
        CallOutcomeRecorded call = new CallOutcomeRecorded(PAIR, connectedAt, "wacid.p1", CallOutcome.CONNECTED, 0);
        PlatformDivergenceRecorded divergence = new PlatformDivergenceRecorded(PAIR, connectedAt,
                DivergenceSubject.CALL_WITHOUT_PERMISSION, "business-initiated call connected",
                "no permission held at " + connectedAt + " (R-PERMISSION-REQUIRED)", "wacid.p1", V1,
                "R-PLATFORM-DIVERGENCE");

        fixture.given(profileGrant(grantedAt), new PermissionExpired(PAIR, grantedAt.plus(HOURS_168), grantedAt, "R-TEMPORARY-168H"))
                .when(new RecordCallOutcome(PAIR, "wacid.p1", CallOutcome.CONNECTED, connectedAt, true))
                .expectEvents(call, divergence)
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.EXPIRED)));
    }

    @Test
    void rPlatformDivergence_aLateCallWithinTheExpiredPermissionIsNoDivergence() {
        Instant grantedAt = NOW.minus(HOURS_168).minus(DAY);
        CallOutcomeRecorded call = new CallOutcomeRecorded(PAIR, grantedAt.plus(DAY), "wacid.p2", CallOutcome.CONNECTED, 0);

        fixture.given(profileGrant(grantedAt), new PermissionExpired(PAIR, grantedAt.plus(HOURS_168), grantedAt, "R-TEMPORARY-168H"))
                .when(new RecordCallOutcome(PAIR, "wacid.p2", CallOutcome.CONNECTED, grantedAt.plus(DAY), true))
                .expectEvents(call);
    }
}
