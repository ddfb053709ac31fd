package com.callpermissionledger.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A write conflict that reaches the edge without passing PairLedger is still 503 LEDGER_BUSY, never 500. */
class BusyAdviceTest {

    private final BusyAdvice advice = new BusyAdvice(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(BusyAdvice.class);

    @Test
    void aWrappedOptimisticConflictIsResolvedToTheBusyAnswer() {
        var wrapped = new CommandExecutionException("command failed", new ConcurrencyException("sequence 23 taken"));
        assertThat(resolver.resolveMethodByThrowable(wrapped)).as("Spring matches the cause").isNotNull()
                .extracting("name").isEqualTo("conflict");
    }

    @Test
    void aConflictIsAnswered503LedgerBusyWithRetryAt() {
        for (RuntimeException conflict : new RuntimeException[] {new ConcurrencyException("sequence 23 taken"),
                new PessimisticLockingFailureException("lock timeout")}) {
            ResponseEntity<ProblemDetail> answer = advice.conflict(conflict);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "LEDGER_BUSY")
                    .containsEntry("retryAt", "2026-11-27T10:00:01Z");
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        }
    }
}
