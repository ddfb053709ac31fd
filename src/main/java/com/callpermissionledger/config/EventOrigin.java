package com.callpermissionledger.config;

import com.callpermissionledger.pair.CommandOrigin;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the origin of a command onto every event it causes: the client, and the caller's correlation id
 * (or, when the caller gave none, the command's own message id), so an auditor can tie each event to a request.
 * Only commands: for an event, Axon asks for every message its processors handle, and reading a stored event's
 * metadata meant parsing it, a tenth of the dashboard's time in a rebuild (docs/performance.md, change 19). A
 * handler that sends a command on an event's behalf names that origin itself.
 */
@Component
public class EventOrigin implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        var meta = message.getMetaData();
        data.put(CommandOrigin.CLIENT, meta.getOrDefault(CommandOrigin.CLIENT, "unknown"));
        data.put(CommandOrigin.CORRELATION_ID, meta.getOrDefault(CommandOrigin.CORRELATION_ID, message.getIdentifier()));
        return data;
    }
}
