package com.callpermissionledger.api.problem;

import com.callpermissionledger.pair.LedgerBusyException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Clock;
import java.time.Duration;

/**
 * A stream that stayed contended for the whole time budget: 503, nothing recorded, try again. Ordered before
 * {@link ProblemAdvice}, whose catch-all would otherwise answer 500. Every command goes through
 * {@code PairLedger}, which turns write conflicts into {@link LedgerBusyException}; a conflict that reaches
 * this edge any other way (checked by the exception and its causes) is answered the same, never 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BusyAdvice {

    private static final Logger log = LoggerFactory.getLogger(BusyAdvice.class);

    private final Clock clock;

    public BusyAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(LedgerBusyException.class)
    ResponseEntity<ProblemDetail> busy(LedgerBusyException e) {
        log.warn("A pair stayed contended for the whole time budget; answered 503: {}", String.valueOf(e.getCause()));
        return Problems.answer(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_BUSY", "Ledger busy",
                "Other commands on this pair kept the ledger busy; nothing was recorded. Send the same command "
                        + "again after retryAt: commands are idempotent."), clock.instant().plus(e.retryAfter()), clock);
    }

    @ExceptionHandler({ConcurrencyException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        return busy(new LedgerBusyException(Duration.ofSeconds(1), e));
    }
}
