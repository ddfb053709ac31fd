package com.callpermissionledger.benchmark;

import com.callpermissionledger.pair.PairOutcome;
import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.ConcurrencyException;

import java.time.Clock;

/**
 * The untuned baseline's commands through its plain command gateway. Without a pair lock two clients on one
 * pair can conflict; that answer is tallied as "conflict", since it is what untuned Axon gives a client.
 */
final class BaselinePort extends CommandPort {

    private final Configuration axon;
    private final BusinessTerms terms;

    BaselinePort(UntunedAxon untuned, BusinessTerms terms) {
        this.axon = untuned.configuration();
        this.terms = terms;
    }

    @Override
    public String status(String business, String user) {
        PairId pair = new PairId(business, user);
        PairState state = PairState.EMPTY;
        var events = axon.eventStore().readEvents(pair.value(), 0);
        while (events.hasNext()) {
            state = PairEvolution.evolve(state, (PairEvent) events.next().getPayload());
        }
        PairStatus status = PairStatus.of(pair, state, terms, Clock.systemUTC().instant());
        return status.permission() == null ? "no permission" : "permission";
    }

    @Override
    String send(PairCommand command) {
        try {
            PairOutcome outcome = axon.commandGateway().sendAndWait(command);
            return kind(outcome.decision());
        } catch (RuntimeException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ConcurrencyException) {
                    return "conflict";
                }
            }
            throw failure;
        }
    }
}
