package com.callpermissionledger.benchmark;

import com.callpermissionledger.pair.LedgerBusyException;
import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.policy.command.PairCommand;

import java.time.Clock;

/** In-process: commands through {@link PairLedger} (lock, command bus, aggregate), status as the HTTP edge computes it. */
final class GatewayPort extends CommandPort {

    private final PairLedger ledger;
    private final PairHistory history;
    private final BusinessTermsSource terms;
    private final Clock clock;

    GatewayPort(BenchmarkNode node) {
        this.ledger = node.bean(PairLedger.class);
        this.history = node.bean(PairHistory.class);
        this.terms = node.bean(BusinessTermsSource.class);
        this.clock = node.bean(Clock.class);
    }

    @Override
    public String status(String business, String user) {
        PairId pair = new PairId(business, user);
        PairStatus status = PairStatus.of(pair, history.state(pair), terms.termsFor(business), clock.instant());
        return status.permission() == null ? "no permission" : "permission";
    }

    @Override
    String send(PairCommand command) {
        try {
            return kind(ledger.handle(command).decision());
        } catch (LedgerBusyException busy) {
            return "busy";
        }
    }
}
