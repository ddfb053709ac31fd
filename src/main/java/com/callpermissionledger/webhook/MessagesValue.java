package com.callpermissionledger.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The value of a {@code messages} change: incoming messages (replies among them) and message statuses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessagesValue(Metadata metadata, List<Contact> contacts, List<Message> messages,
                            List<Status> statuses) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(@JsonProperty("phone_number_id") String phoneNumberId,
                           @JsonProperty("display_phone_number") String displayPhoneNumber) {
    }

    /** A contact names the user by phone ({@code wa_id}) and, where the platform has one, {@code user_id}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(@JsonProperty("wa_id") String waId, @JsonProperty("user_id") String userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String id, String from, @JsonProperty("from_user_id") String fromUserId,
                          JsonNode timestamp, String type, Context context, Interactive interactive) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interactive(String type, @JsonProperty("call_permission_reply") Reply callPermissionReply) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String response, @JsonProperty("is_permanent") Boolean isPermanent,
                        @JsonProperty("expiration_timestamp") JsonNode expirationTimestamp,
                        @JsonProperty("response_source") String responseSource) {
    }

    /** A status of a message, or (with {@code type: call}) of a call. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String id, String status, String type, JsonNode timestamp,
                         @JsonProperty("recipient_id") String recipientId,
                         @JsonProperty("recipient_user_id") String recipientUserId) {
    }
}
