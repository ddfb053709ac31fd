package com.callpermissionledger.policy;

import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.RequestRecord;
import org.junit.jupiter.api.Test;

import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, Time: the state an answer is read from is the same whether or not the sweeper has run. */
class AnswerWithoutSweeperTest {

    @Test
    void atTheInstantARequestExpiresItsStateHasTheExpiryAndReasonBeforeAnythingIsRecorded() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(WEEK));

        RequestRecord request = ledger.current().requests().get("wamid.A1");

        assertThat(ledger.history).hasSize(1);
        assertThat(request.expiredAt()).isEqualTo(T0.plus(WEEK));
        assertThat(request.expiryReason()).isEqualTo(RequestExpiryReason.NO_RESPONSE);
        assertThat(request.openAt(ledger.now)).isFalse();
    }

    @Test
    void theStateAndStatusAfterTheSweeperRanEqualThoseBefore() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.grant();
        ledger.place("wacid.1");
        ledger.at(T0.plus(WEEK));
        PairState unswept = ledger.state;
        PairStatus before = ledger.status();

        ledger.expireDue();

        assertThat(ledger.history).hasSizeGreaterThan(3);
        assertThat(ledger.current()).isEqualTo(PairDecider.stateAt(PAIR, unswept, ledger.now));
        assertThat(ledger.status()).isEqualTo(before);
        assertThat(before.state()).isEqualTo(LedgerState.EXPIRED);
    }
}
