package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static com.callpermissionledger.policy.Ledger.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** R-PERMISSION-REQUIRED: a business-initiated call needs a permission valid at the instant of the call. */
class PermissionRequiredTest {

    @Test
    void callToAUserWhoNeverGavePermissionIsRefusedWithNoPermission() {
        Ledger ledger = Ledger.v1();

        Decision.Refused decision = refused(ledger.place("wacid.1"));

        assertThat(decision.events()).containsExactly(new CallRefused(PAIR, T0, "wacid.1",
                RefusalCode.NO_PERMISSION, "R-PERMISSION-REQUIRED", null, List.of(), V1));
        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
        assertThat(decision.refusal().rule()).isEqualTo(RuleId.PERMISSION_REQUIRED);
        assertThat(decision.refusal().retryAt()).isNull();
        assertThat(decision.refusal().evidence()).isEmpty();
        assertThat(decision.refusal().detail()).contains("R-PERMISSION-REQUIRED").contains("NONE");
        assertThat(RefusalCode.NO_PERMISSION.platformCode()).isEqualTo(138006);
    }

    @Test
    void callAfterTheUserAcceptedARequestIsPlaced() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.after(Ledger.HOUR).accept("wamid.A1");

        Decision decision = ledger.after(Ledger.HOUR).place("wacid.1");

        assertThat(recorded(decision).events()).containsExactly(new CallPlaced(PAIR, ledger.now, "wacid.1", V1));
        assertThat(ledger.state.calls()).containsKey("wacid.1");
        assertThat(ledger.state.calls().get("wacid.1").outcome()).isNull();
    }

    @Test
    void callWhileARequestIsOnlyPendingIsRefusedAndTheDetailNamesTheRequestedState() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.deliver("wamid.A1");

        Decision.Refused decision = refused(ledger.after(Ledger.HOUR).place("wacid.1"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
        assertThat(decision.refusal().detail()).contains("REQUESTED");
    }

    @Test
    void callAfterTheUserDeclinedIsRefused() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.decline("wamid.A1");

        Decision.Refused decision = refused(ledger.place("wacid.1"));

        assertThat(decision.refusal().rule()).isEqualTo(RuleId.PERMISSION_REQUIRED);
        assertThat(decision.refusal().detail()).contains("DECLINED");
    }

    @Test
    void callAfterAProfileRevocationIsRefused() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.after(Ledger.HOUR).revoke();

        Decision.Refused decision = refused(ledger.after(Ledger.HOUR).place("wacid.1"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
        assertThat(decision.refusal().detail()).contains("REVOKED");
    }

    @Test
    void aRefusedCallIsNotRememberedSoItsIdCanBePlacedOncePermissionExists() {
        Ledger ledger = Ledger.v1();
        refused(ledger.place("wacid.1"));
        assertThat(ledger.state.calls()).isEmpty();

        ledger.after(Ledger.HOUR).grant();
        Decision decision = ledger.place("wacid.1");

        assertThat(recorded(decision).events()).containsExactly(new CallPlaced(PAIR, ledger.now, "wacid.1", V1));
    }

    @Test
    void theOutcomeOfARefusedCallIsRejectedAsUnknown() {
        Ledger ledger = Ledger.v1();
        refused(ledger.place("wacid.1"));

        Decision.Rejected decision = rejected(ledger.outcome("wacid.1", CallOutcome.CONNECTED));

        assertThat(decision.code()).isEqualTo(RejectionCode.UNKNOWN_CALL);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void missingPermissionIsReportedBeforeAFullCallCap() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        for (int i = 1; i <= 5; i++) {
            ledger.call("wacid." + i, CallOutcome.CONNECTED);
        }
        ledger.revoke();

        Decision.Refused decision = refused(ledger.place("wacid.6"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
        assertThat(ledger.status().callBlockedBy()).map(Refusal::rule).contains(RuleId.PERMISSION_REQUIRED);
    }
}
