package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** The terms are an input of every decision: a business moved to another policy is judged by it from then on. */
class PolicySwitchTest {

    @Test
    void callsPlacedUnderV2CountAgainstTheV1CapOnceTheBusinessMovesBack() {
        Ledger ledger = Ledger.v2();
        ledger.grant();
        List<Instant> placed = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ledger.after(HOUR).call("wacid." + i, CallOutcome.CONNECTED);
            placed.add(ledger.now);
        }
        ledger.terms = new BusinessTerms(PolicyCatalog.WHATSAPP_V1, CallbackPermission.DISABLED);

        Decision.Refused decision = refused(ledger.after(HOUR).place("wacid.7"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.CALL_LIMIT_24H);
        assertThat(decision.refusal().evidence()).containsExactlyElementsOf(placed);
        assertThat(decision.refusal().retryAt()).as("when only 4 of the 6 are left in the window")
                .isEqualTo(placed.get(1).plus(DAY));
        assertThat(ledger.status().calls24h().max()).isEqualTo(5);
    }

    @Test
    void everyDecisionEventNamesThePolicyInForceWhenItWasMade() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.place("wacid.1");
        ledger.terms = new BusinessTerms(PolicyCatalog.WHATSAPP_V2, CallbackPermission.DISABLED);

        Decision decision = ledger.after(HOUR).place("wacid.2");

        assertThat(recorded(decision).events()).containsExactly(new CallPlaced(PAIR, T0.plus(HOUR), "wacid.2", V2));
        assertThat(ledger.eventsOf(CallPlaced.class)).extracting(CallPlaced::policy).containsExactly(V1, V2);
        assertThat(ledger.eventsOf(PermissionGranted.class)).extracting(PermissionGranted::policy).containsExactly(V1);
        assertThat(ledger.state.policy()).isEqualTo(V2);
    }

    @Test
    void aTemporaryPermissionKeepsTheExpiryItWasGrantedWith() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.terms = new BusinessTerms(PolicyCatalog.WHATSAPP_V2, CallbackPermission.ENABLED);

        assertThat(ledger.statusAt(T0.plus(WEEK).minusMillis(1)).canCall()).isTrue();
        assertThat(ledger.statusAt(T0.plus(WEEK)).canCall()).isFalse();
        assertThat(ledger.at(T0.plus(Duration.ofDays(8))).status().state()).isEqualTo(LedgerState.EXPIRED);
    }
}
