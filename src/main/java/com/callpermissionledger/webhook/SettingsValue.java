package com.callpermissionledger.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of an {@code account_settings_update} change; it has no metadata, the number is in the settings.
 * {@code timestamp} is when the setting changed, Unix seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsValue(JsonNode timestamp,
                            @JsonProperty("phone_number_settings") PhoneNumberSettings phoneNumberSettings) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhoneNumberSettings(@JsonProperty("phone_number_id") String phoneNumberId, Calling calling) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Calling(@JsonProperty("callback_permission_status") String callbackPermissionStatus) {
    }
}
