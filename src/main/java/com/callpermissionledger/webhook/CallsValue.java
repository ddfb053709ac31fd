package com.callpermissionledger.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The value of a {@code calls} change: call events ({@code connect}, {@code terminate}) and call statuses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallsValue(MessagesValue.Metadata metadata, List<CallEvent> calls, List<MessagesValue.Status> statuses,
                         List<PlatformError> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallEvent(String id, String event, String status, String direction, String from, String to,
                            @JsonProperty("from_user_id") String fromUserId,
                            @JsonProperty("to_user_id") String toUserId, JsonNode timestamp,
                            @JsonProperty("start_time") JsonNode startTime, @JsonProperty("end_time") JsonNode endTime,
                            List<PlatformError> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlatformError(JsonNode code, String title, String message) {
    }
}
