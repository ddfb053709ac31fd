package com.callpermissionledger.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook bodies in the platform's shapes (platform reference, section 4), built field by field so a test
 * reads like the payload it sends. Timestamps are Unix seconds as strings, as in current deliveries.
 */
final class Payloads {

    /** The business number as dialled; the webhook names the business by its phone-number id. */
    static final String DISPLAY = "15550009999";

    private Payloads() {
    }

    static String envelope(String... changes) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":["
                + String.join(",", changes) + "]}]}";
    }

    static String metadata(String business) {
        return "\"metadata\":{\"display_phone_number\":\"" + DISPLAY + "\",\"phone_number_id\":\"" + business + "\"}";
    }

    static String messages(String business, List<String> messages, List<String> statuses) {
        List<String> parts = new ArrayList<>();
        parts.add("\"messaging_product\":\"whatsapp\"");
        parts.add(metadata(business));
        if (!messages.isEmpty()) {
            parts.add("\"messages\":[" + String.join(",", messages) + "]");
        }
        if (!statuses.isEmpty()) {
            parts.add("\"statuses\":[" + String.join(",", statuses) + "]");
        }
        return "{\"field\":\"messages\",\"value\":{" + String.join(",", parts) + "}}";
    }

    static String replyChange(String business, String reply) {
        return messages(business, List.of(reply), List.of());
    }

    static String statusChange(String business, String status) {
        return messages(business, List.of(), List.of(status));
    }

    /** One row of the reply table; null {@code context}, {@code permanent} or {@code expiration} leave the field out. */
    static String reply(String user, String messageId, Instant at, String context, String response,
                        Boolean permanent, String source, String expiration) {
        StringBuilder r = new StringBuilder("{\"response\":\"" + response + "\"");
        if (permanent != null) {
            r.append(",\"is_permanent\":").append(permanent);
        }
        if (expiration != null) {
            r.append(",\"expiration_timestamp\":").append(expiration);
        }
        r.append(",\"response_source\":\"").append(source).append("\"}");
        return "{" + from(user) + ",\"id\":\"" + messageId + "\",\"timestamp\":\"" + at.getEpochSecond() + "\""
                + (context != null ? ",\"context\":{\"from\":\"" + DISPLAY + "\",\"id\":\"" + context + "\"}" : "")
                + ",\"type\":\"interactive\",\"interactive\":{\"type\":\"call_permission_reply\","
                + "\"call_permission_reply\":" + r + "}}";
    }

    static String status(String user, String id, String status, Instant at) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + at.getEpochSecond() + "\","
                + recipient(user) + "}";
    }

    static String callStatus(String business, String user, String callId, String status, Instant at) {
        return "{\"field\":\"calls\",\"value\":{\"messaging_product\":\"whatsapp\"," + metadata(business)
                + ",\"statuses\":[{\"id\":\"" + callId + "\",\"timestamp\":\"" + at.getEpochSecond()
                + "\",\"type\":\"call\",\"status\":\"" + status + "\"," + recipient(user) + "}]}}";
    }

    static String connect(String business, String user, String callId, Instant at) {
        return "{\"field\":\"calls\",\"value\":{\"messaging_product\":\"whatsapp\"," + metadata(business)
                + ",\"calls\":[{\"id\":\"" + callId + "\",\"to\":\"" + user + "\",\"from\":\"" + DISPLAY
                + "\",\"event\":\"connect\",\"timestamp\":\"" + at.getEpochSecond() + "\","
                + "\"session\":{\"sdp_type\":\"answer\",\"sdp\":\"v=0\"}}]}}";
    }

    /** A terminate; {@code start} null means the user never picked up; {@code errorCode} null means no error. */
    static String terminate(String business, String user, String callId, String direction, Instant end, Instant start,
                            Integer errorCode) {
        boolean userCalls = direction.equals("USER_INITIATED");
        String parties = userCalls ? "\"from\":\"" + user + "\",\"to\":\"" + DISPLAY + "\""
                : "\"from\":\"" + DISPLAY + "\",\"to\":\"" + user + "\"";
        if (user.startsWith("US.")) {
            parties = userCalls ? "\"from_user_id\":\"" + user + "\",\"to\":\"" + DISPLAY + "\""
                    : "\"from\":\"" + DISPLAY + "\",\"to_user_id\":\"" + user + "\"";
        }
        String times = start == null ? "" : ",\"start_time\":\"" + start.getEpochSecond() + "\",\"end_time\":\""
                + end.getEpochSecond() + "\",\"duration\":" + (end.getEpochSecond() - start.getEpochSecond());
        String errors = errorCode == null ? "" : ",\"errors\":[{\"code\":" + errorCode
                + ",\"message\":\"Call failed\",\"error_data\":{\"details\":\"media\"}}]";
        return "{\"field\":\"calls\",\"value\":{\"messaging_product\":\"whatsapp\"," + metadata(business)
                + ",\"calls\":[{\"id\":\"" + callId + "\"," + parties + ",\"event\":\"terminate\",\"direction\":\""
                + direction + "\",\"timestamp\":\"" + end.getEpochSecond() + "\",\"status\":\""
                + (start == null && errorCode != null ? "FAILED" : "COMPLETED") + "\"" + times + errors + "}]}}";
    }

    /** A callback-setting change dated {@code at}; the platform sends no metadata with it. */
    static String settings(String business, String status, Instant at) {
        return "{\"field\":\"account_settings_update\",\"value\":{\"timestamp\":\"" + at.getEpochSecond()
                + "\",\"type\":\"phone_number_settings\",\"phone_number_settings\":{\"phone_number_id\":\""
                + business + "\",\"calling\":{\"status\":\"ENABLED\",\"callback_permission_status\":\"" + status
                + "\"}}}}";
    }

    private static String from(String user) {
        return user.startsWith("US.") ? "\"from_user_id\":\"" + user + "\"" : "\"from\":\"" + user + "\"";
    }

    private static String recipient(String user) {
        return user.startsWith("US.") ? "\"recipient_user_id\":\"" + user + "\"" : "\"recipient_id\":\"" + user + "\"";
    }
}
