package com.callpermissionledger.settings;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

@Component("policyRegisterTargetResolver")
public class PolicyRegisterTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof UsePolicy) {
            return new VersionedAggregateIdentifier(PolicyRegister.ID, null);
        }
        throw new IllegalArgumentException("not a policy register command: " + command.getPayloadType().getSimpleName());
    }
}
