package com.callpermissionledger.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** The platform's instants are Unix seconds, as a string in newer payloads and a number in older ones. */
final class PlatformTime {

    private PlatformTime() {
    }

    /** The instant, or null when the field is absent. */
    static Instant of(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asText().trim();
        if (!(node.isIntegralNumber() || node.isTextual()) || !text.matches("[0-9]{1,12}")) {
            throw new BadChangeException(field + " is not Unix seconds: " + node);
        }
        return Instant.ofEpochSecond(Long.parseLong(text));
    }

    static Instant required(JsonNode node, String field) {
        Instant instant = of(node, field);
        if (instant == null) {
            throw new BadChangeException(field + " is missing");
        }
        return instant;
    }
}
