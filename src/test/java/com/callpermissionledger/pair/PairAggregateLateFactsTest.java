package com.callpermissionledger.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.pair.OutcomeMatcher.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/** R-FACT-TIME for the run of misses (R-MISS-WARNING, R-MISS-REVOKE): business time order, not arrival order. */
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
}
