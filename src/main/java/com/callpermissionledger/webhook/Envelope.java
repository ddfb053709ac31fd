package com.callpermissionledger.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The platform's webhook envelope exactly as sent: {@code object}, then {@code entry[].changes[]}, each a
 * {@code field} and its {@code value}. Fields the ledger does not read are ignored, since the platform
 * adds fields without notice; a change's value is read only once its field says what it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(String object, List<Entry> entry) {

    public static final String WHATSAPP = "whatsapp_business_account";

    public List<Entry> entries() {
        return entry == null ? List.of() : entry;
    }

    /** {@code time} is when the platform sent the entry, Unix seconds; a fact's own timestamp comes first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, JsonNode time, List<Change> changes) {
        public List<Change> all() {
            return changes == null ? List.of() : changes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, JsonNode value) {
    }
}
