package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static com.callpermissionledger.policy.Ledger.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Duplicates change nothing, contradictions are rejected, refused attempts claim no id. */
class IdempotencyTest {

    @Test
    void theSameRequestIdAndChannelAgainIsUnchangedAndNotCountedTwice() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1", Channel.FREE_FORM);

        Decision again = ledger.after(HOUR).send("wamid.A1", Channel.FREE_FORM);

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(again.events()).isEmpty();
        assertThat(ledger.state.countedRequests()).containsExactly(T0);
        assertThat(ledger.eventsOf(PermissionRequestRefused.class)).isEmpty();
    }

    @Test
    void theSameRequestIdWithAnotherChannelIsAnIdempotencyConflict() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1", Channel.FREE_FORM);

        Decision.Rejected decision = rejected(ledger.after(HOUR).send("wamid.A1", Channel.TEMPLATE));

        assertThat(decision.code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);
        assertThat(decision.detail()).contains("wamid.A1");
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void sendingARequestIdTheLedgerOnlyLearnedOfIsAnIdempotencyConflict() {
        Ledger ledger = Ledger.v1();
        ledger.deliver("wamid.A1");

        Decision.Rejected decision = rejected(ledger.after(Duration.ofDays(2)).send("wamid.A1"));

        assertThat(decision.code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void aRefusedRequestClaimsNoIdSoTheSameIdIsDecidedAnewAtRetryAt() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        Decision.Refused first = refused(ledger.after(HOUR).send("wamid.A2"));
        Decision.Refused second = refused(ledger.after(HOUR).send("wamid.A2"));
        assertThat(ledger.eventsOf(PermissionRequestRefused.class)).hasSize(2);
        assertThat(second.refusal().retryAt()).isEqualTo(first.refusal().retryAt());

        Decision retried = ledger.at(first.refusal().retryAt()).send("wamid.A2");

        assertThat(recorded(retried).events()).containsExactly(
                new PermissionRequested(PAIR, T0.plus(DAY), "wamid.A2", Channel.TEMPLATE, T0.plus(DAY).plus(WEEK), V1));
    }

    @Test
    void aRefusedRequestIdMayBeRetriedWithAnotherChannel() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        refused(ledger.after(HOUR).send("wamid.A2", Channel.TEMPLATE));

        assertThat(ledger.at(T0.plus(DAY)).send("wamid.A2", Channel.FREE_FORM)).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void aPlacedCallIdAgainIsUnchanged() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.place("wacid.1");

        Decision again = ledger.after(HOUR).place("wacid.1");

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.status().calls24h().used()).isEqualTo(1);
    }

    @Test
    void theOutcomeOfACallNeverPlacedIsRejectedAsUnknown() {
        Ledger ledger = Ledger.v1();
        ledger.grant();

        Decision.Rejected decision = rejected(ledger.outcome("wacid.9", CallOutcome.UNANSWERED));

        assertThat(decision.code()).isEqualTo(RejectionCode.UNKNOWN_CALL);
        assertThat(decision.detail()).contains("wacid.9");
        assertThat(ledger.state.consecutiveMisses()).isZero();
    }

    @Test
    void theSameOutcomeTwiceIsUnchangedAndCountsOneMiss() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);

        Decision again = ledger.after(HOUR).outcome("wacid.1", CallOutcome.UNANSWERED);

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.state.consecutiveMisses()).isEqualTo(1);
    }

    @Test
    void aDifferentSecondOutcomeIsRejectedAsAlreadyRecorded() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.call("wacid.1", CallOutcome.UNANSWERED);

        Decision.Rejected decision = rejected(ledger.after(HOUR).outcome("wacid.1", CallOutcome.CONNECTED));

        assertThat(decision.code()).isEqualTo(RejectionCode.OUTCOME_ALREADY_RECORDED);
        assertThat(decision.detail()).contains("UNANSWERED");
        assertThat(ledger.state.calls().get("wacid.1").outcome()).isEqualTo(CallOutcome.UNANSWERED);
    }

    @Test
    void unchangedAndRejectedDecisionsCarryNoDueExpiries() {
        Ledger ledger = Ledger.v1();
        ledger.grant();
        ledger.place("wacid.1");
        ledger.outcome("wacid.1", CallOutcome.CONNECTED);
        ledger.at(T0.plus(Duration.ofDays(8)));

        Decision unchanged = ledger.place("wacid.1");
        Decision rejected = ledger.outcome("wacid.1", CallOutcome.FAILED);
        Decision unknown = ledger.outcome("wacid.2", CallOutcome.FAILED);

        assertThat(unchanged).isInstanceOf(Decision.Unchanged.class);
        assertThat(rejected(rejected).code()).isEqualTo(RejectionCode.OUTCOME_ALREADY_RECORDED);
        assertThat(rejected(unknown).code()).isEqualTo(RejectionCode.UNKNOWN_CALL);
        assertThat(unchanged.events()).isEmpty();
        assertThat(rejected.events()).isEmpty();
        assertThat(unknown.events()).isEmpty();
        assertThat(ledger.eventsOf(PermissionExpired.class)).isEmpty();
        assertThat(PairDecider.dueExpiries(PAIR, ledger.state, ledger.now)).hasSize(1);
    }
}
