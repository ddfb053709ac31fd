package com.callpermissionledger.webhook;

import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.RejectionCode;
import com.callpermissionledger.policy.command.PairCommand;
import org.springframework.stereotype.Component;

/** Hands a fact to its pair and counts what the ledger made of it. */
@Component
class FactSink {

    private final PairLedger ledger;

    FactSink(PairLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * A second outcome for a call is not an error here: the platform reports a call several times (a
     * REJECTED status, then its terminate) and the first outcome recorded stands.
     */
    void send(PairCommand command, Tally tally) {
        Decision decision = ledger.handle(command).decision();
        if (decision instanceof Decision.Rejected rejected) {
            if (rejected.code() == RejectionCode.OUTCOME_ALREADY_RECORDED) {
                tally.unchanged++;
                return;
            }
            throw new BadChangeException(rejected.code() + ": " + rejected.detail());
        }
        if (decision instanceof Decision.Unchanged) {
            tally.unchanged++;
        } else {
            tally.recorded++;
        }
    }
}
