package com.callpermissionledger.webhook;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/** Routes a rejected change to its business number's {@code webhooks:} stream. */
@Component("changeLogTargetResolver")
class ChangeLogTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof RecordBadChange change) {
            return new VersionedAggregateIdentifier(change.streamId(), null);
        }
        if (command.getPayload() instanceof RecordUserTie tie) {
            return new VersionedAggregateIdentifier(tie.streamId(), null);
        }
        throw new IllegalArgumentException("not a webhook change: " + command.getPayloadType().getSimpleName());
    }
}
