package com.callpermissionledger.pair;

import com.callpermissionledger.policy.command.PairCommand;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The command side's front door. Commands of one pair are decided one after the other: {@link PairLocks}
 * is taken in the command's own transaction, which Axon joins (its Spring transaction manager participates
 * in the transaction opened here on the same thread), so the lock is held until the events are committed.
 * What can still conflict (the lock's wait running out, a write conflict the lock does not cover) is tried
 * again after a jittered pause while the time budget lasts ({@code ledger.commands.busy-budget}); then the
 * answer is {@link LedgerBusyException}, with nothing recorded. See docs/operations.md.
 */
@Service
public class PairLedger {

    private static final long MAX_PAUSE_MILLIS = 50;

    private final CommandGateway commandGateway;
    private final PairLocks locks;
    private final TransactionTemplate transaction;
    private final Duration budget;
    private final DistributionSummary attempts;

    public PairLedger(CommandGateway commandGateway, PairLocks locks, PlatformTransactionManager transactions,
                      @Value("${ledger.commands.busy-budget:PT10S}") Duration budget,
                      MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
        // its own transaction even when called inside another, so that a retry starts clean
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("ledger.commands.busy-budget must be positive");
        }
        this.budget = budget;
        this.attempts = DistributionSummary.builder("ledger.command.attempts")
                .description("attempts a pair command needed before it was decided")
                .serviceLevelObjectives(1, 2, 3, 5, 10, 20, 50).register(meters);
    }

    /** A conflict may arrive wrapped (by the command bus or the transaction manager). */
    static boolean isWriteConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    public PairOutcome handle(PairCommand command) {
        return send(command.pairId().value(), command);
    }

    /**
     * Sends a command of another stream (a business's settings, the policy register, a webhook change log)
     * the same way: alone on its stream, within the budget, else {@link LedgerBusyException}. {@code stream}
     * is the aggregate id the command targets.
     */
    public <R> R send(String stream, Object command) {
        long deadline = System.nanoTime() + budget.toNanos();
        RuntimeException lastConflict = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Attempt<R> decided = attempt(stream, command, deadline);
                if (decided != null) {
                    attempts.record(attempt);
                    return decided.result();
                }
            } catch (RuntimeException failure) {
                if (!isWriteConflict(failure)) {
                    throw failure;
                }
                lastConflict = failure;
            }
            long pause = ThreadLocalRandom.current().nextLong(1, Math.min(MAX_PAUSE_MILLIS, 2L << Math.min(attempt, 5)) + 1);
            if (System.nanoTime() + pause * 1_000_000 >= deadline) {
                attempts.record(attempt);
                throw new LedgerBusyException(Duration.ofSeconds(1), lastConflict);
            }
            pause(pause);
        }
    }

    /** A decided attempt; its result may itself be null (a command handler returning nothing). */
    private record Attempt<R>(R result) {
    }

    /** One attempt; null when this node's lock of the stream was not free before the deadline. */
    private <R> Attempt<R> attempt(String stream, Object command, long deadline) {
        ReentrantLock local;
        try {
            local = locks.local(stream, deadline - System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pair", e);
        }
        if (local == null) {
            return null;
        }
        try {
            return transaction.execute(status -> {
                locks.inTransaction(stream, (deadline - System.nanoTime()) / 1_000_000);
                return new Attempt<R>(commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(CommandOrigin.current())));
            });
        } finally {
            local.unlock();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }
}
