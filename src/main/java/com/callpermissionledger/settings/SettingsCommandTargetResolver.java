package com.callpermissionledger.settings;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

@Component("settingsCommandTargetResolver")
public class SettingsCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ChangeBusinessSettings change) {
            return new VersionedAggregateIdentifier(change.settingsId(), null);
        }
        throw new IllegalArgumentException("not a settings command: " + command.getPayloadType().getSimpleName());
    }
}
