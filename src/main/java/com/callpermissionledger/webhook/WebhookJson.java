package com.callpermissionledger.webhook;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The platform's payloads are read with a mapper of their own: the API's strict mapper refuses unknown
 * fields, which the platform adds without notice. Duplicate keys stay an error: a body that says two
 * things is not read as either.
 */
public final class WebhookJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WebhookJson() {
    }

    public static Envelope envelope(byte[] body) throws java.io.IOException {
        return MAPPER.readValue(body, Envelope.class);
    }

}
