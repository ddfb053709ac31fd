package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PlatformDivergenceRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-PLATFORM-DIVERGENCE for calls: the platform reports a business call connected at an instant the ledger's rules
 * (R-PERMISSION-REQUIRED) held no permission for. The call is recorded; the disagreement is recorded beside it.
 */
class CallWithoutPermissionTest {

    private static Decision connected(Ledger ledger, String callId, Instant at) {
        return ledger.decide(new RecordCallOutcome(PAIR, callId, CallOutcome.CONNECTED, at, true));
    }

    @Test
    void aConnectedCallWithoutAnyPermissionIsRecordedWithTheDisagreement() {
        Ledger ledger = Ledger.v1();

        Decision decision = connected(ledger, "wacid.X", null);

        assertThat(recorded(decision).events()).containsExactly(
                new CallOutcomeRecorded(PAIR, ledger.now, "wacid.X", CallOutcome.CONNECTED, 0),
                new PlatformDivergenceRecorded(PAIR, ledger.now, DivergenceSubject.CALL_WITHOUT_PERMISSION,
                        "business-initiated call connected", "no permission held at " + ledger.now
                        + " (R-PERMISSION-REQUIRED)", "wacid.X", V1, "R-PLATFORM-DIVERGENCE"));
        assertThat(ledger.status().state()).as("the ledger keeps its own rule-based state").isEqualTo(LedgerState.NONE);
        assertThat(ledger.status().canCall()).isFalse();
    }

    @Test
    void aConnectedCallWhileAPermissionIsHeldIsNoDivergence() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        connected(ledger.after(HOUR), "wacid.ok", null);

        assertThat(ledger.eventsOf(PlatformDivergenceRecorded.class)).isEmpty();
    }

    @Test
    void aLateReportIsJudgedByThePermissionOfItsOwnInstantEvenIfThatHasSinceExpired() {
        Ledger ledger = Ledger.v1();
        Instant granted = ledger.now;
        ledger.grant();
        ledger.after(WEEK.plus(DAY)).expireDue();

        connected(ledger, "wacid.late", granted.plus(DAY));

        assertThat(ledger.eventsOf(PlatformDivergenceRecorded.class)).as("the permission covered that instant").isEmpty();
        connected(ledger, "wacid.after", granted.plus(WEEK).plus(HOUR));
        assertThat(ledger.eventsOf(PlatformDivergenceRecorded.class)).singleElement()
                .satisfies(d -> assertThat(d.reference()).isEqualTo("wacid.after"));
    }

    @Test
    void aCallDatedBeforeALaterGrantIsADivergence() {
        Ledger ledger = Ledger.v1();
        Instant before = ledger.now;
        ledger.after(HOUR).decide(new GrantPermission(PAIR, false));

        connected(ledger.after(HOUR), "wacid.early", before);

        assertThat(ledger.eventsOf(PlatformDivergenceRecorded.class)).singleElement()
                .satisfies(d -> assertThat(d.occurredAt()).isEqualTo(before));
        assertThat(ledger.status().canCall()).as("the grant in force is untouched").isTrue();
    }

    @Test
    void theOutcomeOfACallTheLedgerAllowedIsNeverADivergence() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.after(HOUR).place("wacid.placed");
        ledger.after(HOUR).revoke();

        connected(ledger, "wacid.placed", ledger.now.minusSeconds(30));

        assertThat(ledger.eventsOf(PlatformDivergenceRecorded.class)).isEmpty();
    }

    @Test
    void theSameReportTwiceRecordsOneDivergence() {
        Ledger ledger = Ledger.v1();
        connected(ledger, "wacid.X", null);

        assertThat(connected(ledger.after(HOUR), "wacid.X", ledger.now.minus(HOUR))).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(PlatformDivergenceRecorded.class)).hasSize(1);
    }
}
