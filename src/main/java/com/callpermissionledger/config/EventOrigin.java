package com.callpermissionledger.config;

import com.callpermissionledger.pair.CommandOrigin;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the origin of a command onto every event it causes: the client, and the caller's correlation id
 * (or, when the caller gave none, the command's own message id), so an auditor can tie each event to a request.
 */
@Component
public class EventOrigin implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        var meta = message.getMetaData();
        data.put(CommandOrigin.CLIENT, meta.getOrDefault(CommandOrigin.CLIENT, "unknown"));
        data.put(CommandOrigin.CORRELATION_ID, meta.getOrDefault(CommandOrigin.CORRELATION_ID, message.getIdentifier()));
        return data;
    }
}
