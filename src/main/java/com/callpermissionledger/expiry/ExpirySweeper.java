package com.callpermissionledger.expiry;

import com.callpermissionledger.config.LedgerProperties;
import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.ExpireDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Records expiries soon after they fall due, by the ledger's clock (simulated or not), on every node:
 * two nodes sending the same {@link ExpireDue} is harmless, because the second finds nothing due.
 * Decisions never wait for this: the decider applies due expiries itself.
 */
@Component
@Profile("!audit")
public class ExpirySweeper {

    /** The client name recorded on the expiry events it causes. */
    public static final String SWEEPER = "ledger-expiry-sweeper";

    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final DueExpiries schedule;
    private final PairLedger ledger;
    private final Clock clock;
    private final LedgerProperties properties;

    public ExpirySweeper(DueExpiries schedule, PairLedger ledger, Clock clock, LedgerProperties properties) {
        this.schedule = schedule;
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ledger.expiry.sweep-interval:PT1S}")
    public void sweep() {
        Instant now = clock.instant();
        for (String pair : schedule.pairsDueBy(now, PageRequest.of(0, properties.getExpiry().getBatchSize()))) {
            try {
                CommandOrigin.with(SWEEPER, null, () -> ledger.handle(new ExpireDue(PairId.parse(pair))));
                schedule.deleteDueBy(pair, now);
            } catch (RuntimeException e) {
                log.warn("Recording due expiries of a pair failed; the next sweep retries: {}", e.toString());
            }
        }
    }
}
