package com.callpermissionledger.pair;

import com.callpermissionledger.policy.command.PairCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

/**
 * The command side's front door. Two writers on one pair (two nodes, or two first commands racing to
 * create it) make one of them lose on the event store's unique key; it is simply decided again.
 */
@Service
public class PairLedger {

    private static final int ATTEMPTS = 5;

    private final CommandGateway commandGateway;

    public PairLedger(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** The conflict may arrive wrapped (by the command bus or the transaction manager). */
    static boolean isWriteConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    public PairOutcome handle(PairCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(CommandOrigin.current()));
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !isWriteConflict(failure)) {
                    throw failure;
                }
            }
        }
    }
}
