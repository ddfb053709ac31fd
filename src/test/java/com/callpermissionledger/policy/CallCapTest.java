package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.rule.WindowUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.MS;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-CALL-CAP: connected or in-flight business calls, counted at their placement instant, per rolling 24 h. */
class CallCapTest {

    /** A v1 ledger holding a profile grant from T0, valid for the 7 days these tests need. */
    private static Ledger v1WithPermission() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        return ledger;
    }

    @Test
    void v1AllowsFiveCallsInFlightAndRefusesTheSixthUntilTheFirstLeavesTheWindow() {
        Ledger ledger = v1WithPermission();
        List<Instant> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ledger.after(HOUR);
            assertThat(recorded(ledger.place("wacid." + i)).events())
                    .containsExactly(new CallPlaced(PAIR, ledger.now, "wacid." + i, V1));
            placed.add(ledger.now);
        }

        Decision.Refused decision = refused(ledger.after(HOUR).place("wacid.6"));

        Instant retryAt = placed.get(0).plus(DAY);
        assertThat(decision.events()).containsExactly(new CallRefused(PAIR, ledger.now, "wacid.6",
                RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP", retryAt, placed, V1));
        assertThat(decision.refusal().rule()).isEqualTo(RuleId.CALL_CAP);
        assertThat(decision.refusal().retryAt()).isEqualTo(retryAt);
        assertThat(decision.refusal().evidence()).containsExactlyElementsOf(placed);
        assertThat(decision.refusal().detail()).contains("5 of 5");
        assertThat(RefusalCode.CALL_LIMIT_24H.platformCode()).isEqualTo(138012);
    }

    @Test
    void theSixthCallIsRefusedOneMillisecondBeforeRetryAtAndPlacedExactlyAtRetryAt() {
        Ledger ledger = v1WithPermission();
        for (int i = 1; i <= 5; i++) {
            ledger.after(HOUR).call("wacid." + i, CallOutcome.CONNECTED);
        }
        Instant first = T0.plus(HOUR);

        Decision.Refused early = refused(ledger.at(first.plus(DAY).minus(MS)).place("wacid.6"));
        assertThat(early.refusal().retryAt()).isEqualTo(first.plus(DAY));

        Decision onTime = ledger.at(first.plus(DAY)).place("wacid.6");
        assertThat(recorded(onTime).events()).containsExactly(new CallPlaced(PAIR, first.plus(DAY), "wacid.6", V1));
    }

    @Test
    void callsThatEndedUnansweredRejectedOrFailedFreeTheirPlace() {
        Ledger ledger = v1WithPermission();
        ledger.call("wacid.1", CallOutcome.CONNECTED);
        ledger.call("wacid.2", CallOutcome.CONNECTED);
        ledger.call("wacid.3", CallOutcome.UNANSWERED);
        ledger.call("wacid.4", CallOutcome.FAILED);
        ledger.call("wacid.5", CallOutcome.REJECTED);
        ledger.call("wacid.6", CallOutcome.CONNECTED);
        ledger.call("wacid.7", CallOutcome.CONNECTED);
        recorded(ledger.place("wacid.8"));

        Decision.Refused decision = refused(ledger.place("wacid.9"));

        assertThat(decision.refusal().evidence()).hasSize(5);
        assertThat(ledger.status().calls24h().used()).isEqualTo(5);
    }

    @Test
    void aCallInFlightKeepsItsPlaceUntilItsOutcomeSaysItDidNotConnect() {
        Ledger ledger = v1WithPermission();
        for (int i = 1; i <= 5; i++) {
            ledger.place("wacid." + i);
        }
        refused(ledger.after(HOUR).place("wacid.6"));

        ledger.outcome("wacid.3", CallOutcome.UNANSWERED);

        assertThat(recorded(ledger.place("wacid.6")).events())
                .containsExactly(new CallPlaced(PAIR, ledger.now, "wacid.6", V1));
    }

    @Test
    void aConnectedCallCountsFromThePlacementInstantNotFromTheOutcome() {
        Ledger ledger = v1WithPermission();
        ledger.place("wacid.1");
        ledger.after(Ledger.HOUR.multipliedBy(10)).outcome("wacid.1", CallOutcome.CONNECTED);
        for (int i = 2; i <= 5; i++) {
            ledger.call("wacid." + i, CallOutcome.CONNECTED);
        }

        Decision.Refused decision = refused(ledger.place("wacid.6"));

        assertThat(decision.refusal().retryAt()).isEqualTo(T0.plus(DAY));
        assertThat(recorded(ledger.at(T0.plus(DAY)).place("wacid.6")).events()).hasSize(1);
    }

    @Test
    void retryAtIsWhenTheOldestCallStillInTheWindowLeavesIt() {
        Ledger ledger = v1WithPermission();
        for (int i = 0; i < 5; i++) {                       // T0, T0+4h, ..., T0+16h
            ledger.at(T0.plus(HOUR.multipliedBy(4L * i))).call("wacid." + i, CallOutcome.CONNECTED);
        }
        // exactly 24 h after the first call it has left the window: one more call fits
        assertThat(recorded(ledger.at(T0.plus(DAY)).place("wacid.5")).events()).hasSize(1);

        Decision.Refused decision = refused(ledger.place("wacid.6"));

        assertThat(decision.refusal().evidence()).containsExactly(T0.plus(HOUR.multipliedBy(4)),
                T0.plus(HOUR.multipliedBy(8)), T0.plus(HOUR.multipliedBy(12)), T0.plus(HOUR.multipliedBy(16)),
                T0.plus(DAY));
        assertThat(decision.refusal().retryAt()).isEqualTo(T0.plus(HOUR.multipliedBy(28)));
    }

    @Test
    void callsFromTheUserDoNotCountTowardTheCap() {
        Ledger ledger = Ledger.v1WithCallback();
        for (int i = 1; i <= 6; i++) {
            ledger.userCall("wacid.U" + i, UserCallOutcome.CONNECTED);
        }
        for (int i = 1; i <= 5; i++) {
            recorded(ledger.place("wacid." + i));
        }

        assertThat(refused(ledger.place("wacid.6")).refusal().evidence()).hasSize(5);
    }

    @Test
    void v2AllowsOneHundredCallsAndRefusesTheHundredAndFirst() {
        Ledger ledger = Ledger.v2();
        ledger.grantPermanent();
        for (int i = 1; i <= 100; i++) {
            ledger.at(T0.plusSeconds(60L * i));
            assertThat(ledger.call("wacid." + i, CallOutcome.CONNECTED)).isInstanceOf(Decision.Recorded.class);
        }

        Decision.Refused decision = refused(ledger.after(HOUR).place("wacid.101"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.CALL_LIMIT_24H);
        assertThat(decision.refusal().retryAt()).isEqualTo(T0.plusSeconds(60).plus(DAY));
        assertThat(decision.refusal().evidence()).hasSize(100);
        assertThat(((CallRefused) decision.events().get(0)).policy()).isEqualTo(V2);
    }

    @Test
    void aPlacedCallIdAgainIsUnchangedEvenWhenTheCapIsFull() {
        Ledger ledger = v1WithPermission();
        for (int i = 1; i <= 5; i++) {
            ledger.place("wacid." + i);
        }

        Decision decision = ledger.place("wacid.3");

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
        assertThat(decision.events()).isEmpty();
        assertThat(ledger.eventsOf(CallRefused.class)).isEmpty();
    }

    @Test
    void statusShowsCallLimitUsageAndItsExpirationOnlyOnceFull() {
        Ledger ledger = v1WithPermission();
        for (int i = 1; i <= 4; i++) {
            ledger.after(HOUR).call("wacid." + i, CallOutcome.CONNECTED);
        }

        PairStatus four = ledger.status();
        assertThat(four.calls24h().max()).isEqualTo(5);
        assertThat(four.calls24h().window()).isEqualTo(DAY);
        assertThat(four.calls24h().used()).isEqualTo(4);
        assertThat(four.calls24h().limitExpiresAt()).isNull();
        assertThat(four.canCall()).isTrue();

        ledger.after(HOUR).place("wacid.5");
        PairStatus five = ledger.status();
        assertThat(five.calls24h().used()).isEqualTo(5);
        assertThat(five.calls24h().limitExpiresAt()).isEqualTo(T0.plus(HOUR).plus(DAY));
        assertThat(five.canCall()).isFalse();
        assertThat(five.callBlockedBy()).map(Refusal::code).contains(RefusalCode.CALL_LIMIT_24H);
        assertThat(five.callBlockedBy()).map(Refusal::retryAt).contains(T0.plus(HOUR).plus(DAY));

        PairStatus later = ledger.statusAt(T0.plus(HOUR).plus(DAY));
        assertThat(later.calls24h().used()).isEqualTo(4);
        assertThat(later.calls24h().limitExpiresAt()).isNull();
        assertThat(later.canCall()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CallOutcome.class)
    void onlyConnectedOutcomesKeepOccupyingThePlaceOfTheCall(CallOutcome outcome) {
        Ledger ledger = v1WithPermission();
        ledger.call("wacid.1", outcome);

        WindowUsage usage = ledger.status().calls24h();

        assertThat(usage.used()).isEqualTo(outcome == CallOutcome.CONNECTED ? 1 : 0);
    }
}
