package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-MISS-WARNING and R-MISS-REVOKE under R-FACT-TIME: the run of consecutive misses follows business time, so
 * a miss reported after the connected call or grant that ended its run does not count toward the current run.
 */
class LateMissTest {

    private static Decision platformOutcome(Ledger ledger, String callId, CallOutcome outcome, Instant at) {
        return ledger.decide(new RecordCallOutcome(PAIR, callId, outcome, at, true));
    }

    @Test
    void aMissDatedBeforeTheLatestConnectedCallDoesNotCountTowardTheRun() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        Instant missed = ledger.now.plus(HOUR);
        ledger.after(HOUR.multipliedBy(2)).call("wacid.ok", CallOutcome.CONNECTED);
        ledger.after(HOUR).call("wacid.m1", CallOutcome.UNANSWERED);

        Decision late = ledger.after(HOUR).decide(new RecordCallOutcome(PAIR, "wacid.old", CallOutcome.UNANSWERED,
                missed, true));

        assertThat(recorded(late).events()).as("the late miss is recorded, but belongs to the earlier run")
                .containsExactly(new CallOutcomeRecorded(PAIR, missed, "wacid.old", CallOutcome.UNANSWERED, 1));
        assertThat(ledger.status().consecutiveUnanswered()).isEqualTo(1);
        assertThat(ledger.status().warning()).as("one miss since the connected call: no warning").isFalse();
    }

    @Test
    void lateMissesBeforeAGrantNeverRevokeTheNewPermission() {
        Ledger ledger = Ledger.v1();
        Instant first = ledger.now;
        ledger.after(HOUR).grant();
        ledger.after(HOUR);

        for (int i = 1; i <= 4; i++) {
            Decision late = platformOutcome(ledger, "wacid.old" + i, CallOutcome.REJECTED, first.plusSeconds(i));
            assertThat(recorded(late).events()).hasSize(1);
        }

        assertThat(ledger.eventsOf(PermissionRevoked.class)).isEmpty();
        assertThat(ledger.eventsOf(UnansweredCallsWarningRaised.class)).isEmpty();
        assertThat(ledger.status().consecutiveUnanswered()).isZero();
        assertThat(ledger.status().permission()).isNotNull();
    }

    @Test
    void aMissDatedAfterTheRunStartedCountsEvenWhenReportedLate() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        Instant missed = ledger.now.plus(HOUR);
        ledger.after(HOUR.multipliedBy(2)).call("wacid.m1", CallOutcome.UNANSWERED);

        Decision late = ledger.after(HOUR).decide(new RecordCallOutcome(PAIR, "wacid.m0", CallOutcome.REJECTED,
                missed, true));

        assertThat(recorded(late).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, missed, "wacid.m0", CallOutcome.REJECTED, 2),
                new UnansweredCallsWarningRaised(PAIR, missed, 2, Ledger.V1, "R-MISS-WARNING"));
    }

    @Test
    void aLateConnectedCallEndsOnlyTheMissesDatedBeforeIt() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.after(HOUR).call("wacid.m1", CallOutcome.UNANSWERED);
        Instant connected = ledger.now.plus(HOUR);
        ledger.after(HOUR.multipliedBy(2)).call("wacid.m2", CallOutcome.UNANSWERED);

        Decision late = ledger.after(HOUR).decide(new RecordUserCall(PAIR, "wacid.u", UserCallOutcome.CONNECTED,
                connected));

        assertThat(recorded(late).events().get(0)).isEqualTo(
                new UserCallRecorded(PAIR, connected, "wacid.u", UserCallOutcome.CONNECTED, 1));
        assertThat(ledger.status().consecutiveUnanswered()).as("the miss after the call stays in the run").isEqualTo(1);

        Decision older = platformOutcome(ledger, "wacid.m0", CallOutcome.UNANSWERED, connected.minus(HOUR));
        assertThat(recorded(older).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, connected.minus(HOUR), "wacid.m0", CallOutcome.UNANSWERED, 1));
    }

    @Test
    void aLateGrantKeepsTheMissesDatedAfterItInTheRun() {
        Ledger ledger = Ledger.v1();
        Instant granted = ledger.now;
        ledger.after(HOUR);
        platformOutcome(ledger, "wacid.m1", CallOutcome.UNANSWERED, ledger.now);
        ledger.after(HOUR);

        recorded(ledger.decide(new GrantPermission(PAIR, false, granted)));

        assertThat(ledger.status().permission()).isNotNull();
        assertThat(ledger.status().consecutiveUnanswered()).as("the miss came after the grant").isEqualTo(1);
    }
}
