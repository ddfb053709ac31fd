package com.callpermissionledger.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.PolicyCatalog;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.pair.OutcomeMatcher.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/** Business-initiated calls and their outcomes: R-CALL-CAP, R-MISS-WARNING, R-MISS-REVOKE, R-REQUEST-RESET. */
class PairAggregateCallRulesTest extends PairAggregateTestSupport {

    private static Instant hoursAgo(long h) {
        return ago(Duration.ofHours(h));
    }

    // ---- R-CALL-CAP -----------------------------------------------------------------------------------

    @Test
    void rCallCap_sixthCallWithinDayIsRefusedAndRecorded() {
        List<Instant> placedAt = List.of(hoursAgo(5), hoursAgo(4), hoursAgo(3), hoursAgo(2), hoursAgo(1));
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c6", RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP",
                hoursAgo(5).plus(DAY), placedAt, V1);

        fixture.given(profileGrant(hoursAgo(6)),
                        placed("wacid.c1", hoursAgo(5)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(5).plusSeconds(300), "wacid.c1",
                                CallOutcome.CONNECTED, 0),
                        placed("wacid.c2", hoursAgo(4)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(4).plusSeconds(300), "wacid.c2",
                                CallOutcome.CONNECTED, 0),
                        placed("wacid.c3", hoursAgo(3)),
                        placed("wacid.c4", hoursAgo(2)),
                        placed("wacid.c5", hoursAgo(1)))
                .when(new PlaceCall(PAIR, "wacid.c6"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.CALL_LIMIT_24H, RuleId.CALL_CAP,
                        NOW.plus(Duration.ofHours(19)), placedAt, refusal))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(((Decision.Refused) o.decision()).refusal().detail()).contains("5 of 5");
                    assertThat(o.state().calls()).doesNotContainKey("wacid.c6");
                }));
    }

    @ParameterizedTest(name = "an earlier call that ended {0} does not count")
    @CsvSource({"UNANSWERED,1", "REJECTED,1", "FAILED,0"})
    void rCallCap_callsThatDidNotConnectDoNotCount(CallOutcome notConnected, int missesAfter) {
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c6", V1);

        fixture.given(profileGrant(hoursAgo(6)),
                        placed("wacid.c1", hoursAgo(5)),
                        new CallOutcomeRecorded(PAIR, hoursAgo(5).plusSeconds(30), "wacid.c1", notConnected,
                                missesAfter),
                        placed("wacid.c2", hoursAgo(4)),
                        placed("wacid.c3", hoursAgo(3)),
                        placed("wacid.c4", hoursAgo(2)),
                        placed("wacid.c5", hoursAgo(1)))
                .when(new PlaceCall(PAIR, "wacid.c6"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed));
    }

    @Test
    void rCallCap_aCallLeavesTheWindowExactly24hAfterItWasPlaced() {
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c6", V1);

        fixture.given(profileGrant(hoursAgo(30)),
                        placed("wacid.c1", hoursAgo(24)),
                        placed("wacid.c2", hoursAgo(20)),
                        placed("wacid.c3", hoursAgo(15)),
                        placed("wacid.c4", hoursAgo(10)),
                        placed("wacid.c5", hoursAgo(5)))
                .when(new PlaceCall(PAIR, "wacid.c6"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed));
    }

    @Test
    void rCallCap_oneMillisecondBeforeTheOldestCallLeavesTheWindowTheCallIsRefused() {
        Instant oldest = hoursAgo(24).plusMillis(1);
        List<Instant> placedAt = List.of(oldest, hoursAgo(20), hoursAgo(15), hoursAgo(10), hoursAgo(5));
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c6", RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP",
                NOW.plusMillis(1), placedAt, V1);

        fixture.given(profileGrant(hoursAgo(30)),
                        placed("wacid.c1", oldest),
                        placed("wacid.c2", hoursAgo(20)),
                        placed("wacid.c3", hoursAgo(15)),
                        placed("wacid.c4", hoursAgo(10)),
                        placed("wacid.c5", hoursAgo(5)))
                .when(new PlaceCall(PAIR, "wacid.c6"))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.CALL_LIMIT_24H, RuleId.CALL_CAP,
                        NOW.plusMillis(1), placedAt, refusal));
    }

    @Test
    void rCallCap_v2AllowsTheSixthCallWithinADay() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        List<Object> history = new ArrayList<>();
        history.add(permanentProfileGrant(hoursAgo(6)));
        for (int i = 1; i <= 5; i++) {
            history.add(new CallPlaced(PAIR, hoursAgo(6 - i), "wacid.c" + i, V2));
        }
        CallPlaced placed = new CallPlaced(PAIR, NOW, "wacid.c6", V2);

        fixture.given(history)
                .when(new PlaceCall(PAIR, "wacid.c6"))
                .expectEvents(placed)
                .expectResultMessagePayloadMatching(recorded(placed));
    }

    @Test
    void rCallCap_v2RefusesThe101stCallWithinADay() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        List<Object> history = new ArrayList<>();
        history.add(permanentProfileGrant(ago(Duration.ofDays(2))));
        List<Instant> placedAt = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            Instant at = ago(Duration.ofMinutes(i));
            placedAt.add(at);
            history.add(new CallPlaced(PAIR, at, "wacid.c" + (101 - i), V2));
        }
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c101", RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP",
                ago(Duration.ofMinutes(100)).plus(DAY), placedAt, V2);

        fixture.given(history)
                .when(new PlaceCall(PAIR, "wacid.c101"))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.CALL_LIMIT_24H, RuleId.CALL_CAP,
                        ago(Duration.ofMinutes(100)).plus(DAY), placedAt, refusal));
    }

    @Test
    void rCallCap_afterASwitchFromV2ToV1TheLowerCapFreesWhenEnoughCallsHaveLeft() {
        // six calls placed under v2, then the business moved back to v1 (cap 5): two must leave the window
        terms.policy(PolicyCatalog.WHATSAPP_V1);
        List<Instant> placedAt = List.of(hoursAgo(6), hoursAgo(5), hoursAgo(4), hoursAgo(3), hoursAgo(2),
                hoursAgo(1));
        List<Object> history = new ArrayList<>();
        history.add(new PermissionGranted(PAIR, hoursAgo(7), GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY,
                hoursAgo(7).plus(HOURS_168), null, V2, "R-PROFILE-GRANT"));
        for (int i = 0; i < placedAt.size(); i++) {
            history.add(new CallPlaced(PAIR, placedAt.get(i), "wacid.c" + (i + 1), V2));
        }
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c7", RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP",
                hoursAgo(5).plus(DAY), placedAt, V1);

        fixture.given(history)
                .when(new PlaceCall(PAIR, "wacid.c7"))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.CALL_LIMIT_24H, RuleId.CALL_CAP,
                        hoursAgo(5).plus(DAY), placedAt, refusal));
    }

    // ---- R-MISS-WARNING -------------------------------------------------------------------------------

    private static List<Object> grantAndOneMiss() {
        return List.of(profileGrant(hoursAgo(3)),
                placed("wacid.c1", hoursAgo(2)),
                new CallOutcomeRecorded(PAIR, hoursAgo(2).plusSeconds(45), "wacid.c1", CallOutcome.UNANSWERED, 1),
                placed("wacid.c2", hoursAgo(1)));
    }

    @Test
    void rMissWarning_theSecondConsecutiveMissRaisesTheWarning() {
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c2", CallOutcome.REJECTED, 2);
        UnansweredCallsWarningRaised warning = new UnansweredCallsWarningRaised(PAIR, NOW, 2, V1, "R-MISS-WARNING");

        fixture.given(grantAndOneMiss())
                .when(new RecordCallOutcome(PAIR, "wacid.c2", CallOutcome.REJECTED))
                .expectEvents(outcomeRecorded, warning)
                .expectResultMessagePayloadMatching(recorded(outcomeRecorded, warning))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().warning()).isTrue();
                    assertThat(o.state().consecutiveMisses()).isEqualTo(2);
                    assertThat(o.state().permissionAt(NOW)).isPresent();
                }));
    }

    @Test
    void rMissWarning_aTechnicalFailureNeitherExtendsNorEndsTheRun() {
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c2", CallOutcome.FAILED, 1);

        fixture.given(grantAndOneMiss())
                .when(new RecordCallOutcome(PAIR, "wacid.c2", CallOutcome.FAILED))
                .expectEvents(outcomeRecorded)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().consecutiveMisses()).isEqualTo(1);
                    assertThat(o.state().warning()).isFalse();
                }));
    }

    @Test
    void rMissWarning_theWarningIsRaisedOnlyOncePerRun() {
        List<Object> history = new ArrayList<>(grantAndOneMiss());
        history.add(new CallOutcomeRecorded(PAIR, hoursAgo(1).plusSeconds(45), "wacid.c2", CallOutcome.UNANSWERED, 2));
        history.add(new UnansweredCallsWarningRaised(PAIR, hoursAgo(1).plusSeconds(45), 2, V1, "R-MISS-WARNING"));
        history.add(placed("wacid.c3", ago(Duration.ofMinutes(30))));
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c3", CallOutcome.UNANSWERED, 3);

        fixture.given(history)
                .when(new RecordCallOutcome(PAIR, "wacid.c3", CallOutcome.UNANSWERED))
                .expectEvents(outcomeRecorded)
                .expectResultMessagePayloadMatching(recorded(outcomeRecorded));
    }

    // ---- R-MISS-REVOKE --------------------------------------------------------------------------------

    private static List<Object> grantAndThreeMisses() {
        List<Object> history = new ArrayList<>();
        history.add(profileGrant(hoursAgo(5)));
        history.add(placed("wacid.c1", hoursAgo(4)));
        history.add(new CallOutcomeRecorded(PAIR, hoursAgo(4).plusSeconds(45), "wacid.c1", CallOutcome.UNANSWERED, 1));
        history.add(placed("wacid.c2", hoursAgo(3)));
        history.add(new CallOutcomeRecorded(PAIR, hoursAgo(3).plusSeconds(45), "wacid.c2", CallOutcome.REJECTED, 2));
        history.add(new UnansweredCallsWarningRaised(PAIR, hoursAgo(3).plusSeconds(45), 2, V1, "R-MISS-WARNING"));
        history.add(placed("wacid.c3", hoursAgo(2)));
        history.add(new CallOutcomeRecorded(PAIR, hoursAgo(2).plusSeconds(45), "wacid.c3", CallOutcome.UNANSWERED, 3));
        history.add(placed("wacid.c4", hoursAgo(1)));
        return history;
    }

    @Test
    void rMissRevoke_theFourthConsecutiveMissRevokesThePermission() {
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c4", CallOutcome.UNANSWERED, 4);
        PermissionRevoked revoked = new PermissionRevoked(PAIR, NOW, RevocationSource.AUTOMATIC, V1, "R-MISS-REVOKE");

        fixture.given(grantAndThreeMisses())
                .when(new RecordCallOutcome(PAIR, "wacid.c4", CallOutcome.UNANSWERED))
                .expectEvents(outcomeRecorded, revoked)
                .expectResultMessagePayloadMatching(recorded(outcomeRecorded, revoked))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().permission()).isNull();
                    assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.REVOKED);
                }));
    }

    @Test
    void rMissRevoke_aConnectedCallEndsTheRunBeforeTheFourthMiss() {
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c4", CallOutcome.CONNECTED, 0);

        fixture.given(grantAndThreeMisses())
                .when(new RecordCallOutcome(PAIR, "wacid.c4", CallOutcome.CONNECTED))
                .expectEvents(outcomeRecorded)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().consecutiveMisses()).isZero();
                    assertThat(o.state().warning()).isFalse();
                    assertThat(o.state().permissionAt(NOW)).isPresent();
                }));
    }

    @Test
    void rMissRevoke_aConnectedUserCallEndsTheRunToo() {
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.CONNECTED, 0);

        fixture.given(grantAndThreeMisses())
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.CONNECTED))
                .expectEvents(call)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().consecutiveMisses()).isZero();
                    assertThat(o.state().warning()).isFalse();
                }));
    }

    @Test
    void rMissRevoke_aMissedUserCallKeepsTheRunGoing() {
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.MISSED, 3);

        fixture.given(grantAndThreeMisses())
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.MISSED))
                .expectEvents(call)
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().consecutiveMisses()).isEqualTo(3);
                    assertThat(o.state().warning()).isTrue();
                }));
    }

    // ---- R-REQUEST-RESET (call side) ------------------------------------------------------------------

    @Test
    void rRequestReset_aConnectedBusinessCallResetsBothRequestWindows() {
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c1", CallOutcome.CONNECTED, 0);
        RequestLimitsReset reset = new RequestLimitsReset(PAIR, NOW, "wacid.c1", "R-REQUEST-RESET");

        fixture.given(requested("wamid.r1", hoursAgo(3)),
                        profileGrant(hoursAgo(2)),
                        placed("wacid.c1", hoursAgo(1)))
                .when(new RecordCallOutcome(PAIR, "wacid.c1", CallOutcome.CONNECTED))
                .expectEvents(outcomeRecorded, reset)
                .expectResultMessagePayloadMatching(recorded(outcomeRecorded, reset))
                .expectResultMessagePayloadMatching(outcome(o -> assertThat(o.state().countedRequests()).isEmpty()));
    }

    @Test
    void rRequestReset_aConnectedUserCallResetsBothRequestWindows() {
        UserCallRecorded call = new UserCallRecorded(PAIR, NOW, "wacid.u1", UserCallOutcome.CONNECTED, 0);
        RequestLimitsReset reset = new RequestLimitsReset(PAIR, NOW, "wacid.u1", "R-REQUEST-RESET");

        fixture.given(requested("wamid.r1", hoursAgo(3)))
                .when(new RecordUserCall(PAIR, "wacid.u1", UserCallOutcome.CONNECTED))
                .expectEvents(call, reset)
                .expectResultMessagePayloadMatching(recorded(call, reset));
    }

    @Test
    void rRequestReset_unansweredCallResetsNothing() {
        CallOutcomeRecorded outcomeRecorded = new CallOutcomeRecorded(PAIR, NOW, "wacid.c1", CallOutcome.UNANSWERED, 1);

        fixture.given(requested("wamid.r1", hoursAgo(3)),
                        profileGrant(hoursAgo(2)),
                        placed("wacid.c1", hoursAgo(1)))
                .when(new RecordCallOutcome(PAIR, "wacid.c1", CallOutcome.UNANSWERED))
                .expectEvents(outcomeRecorded)
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().countedRequests()).containsExactly(hoursAgo(3))));
    }
}
