package com.callpermissionledger.pair;

import com.callpermissionledger.policy.command.PairCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/** Routes a command to its pair by the id derived from (business, user), so commands need no Axon annotation. */
@Component("pairCommandTargetResolver")
public class PairCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof PairCommand pairCommand) {
            return new VersionedAggregateIdentifier(pairCommand.pairId().value(), null);
        }
        throw new IllegalArgumentException("not a pair command: " + command.getPayloadType().getSimpleName());
    }
}
