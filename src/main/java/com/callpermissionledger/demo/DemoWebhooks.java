package com.callpermissionledger.demo;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;

import java.time.Instant;

/**
 * What the platform would send for each fact of a demo story, in its webhook shapes (platform reference,
 * section 4), so the demo exercises the same path as production deliveries. Commands the business itself
 * sends (requests, calls it asks to place) have no webhook and return null.
 */
final class DemoWebhooks {

    private DemoWebhooks() {
    }

    static String of(PairCommand command, Instant now) {
        long at = now.getEpochSecond();
        PairId pair = command.pairId();
        if (command instanceof MarkRequestDelivered c) {
            return messages(pair, "\"statuses\":[{\"id\":\"" + c.requestId() + "\",\"status\":\"delivered\","
                    + "\"timestamp\":\"" + at + "\"," + party(pair, "recipient_id", "recipient_user_id") + "}]");
        }
        if (command instanceof RecordReply c) {
            return reply(pair, at, "\"context\":{\"id\":\"" + c.requestId() + "\"},",
                    c.response() == ReplyResponse.ACCEPT ? "accept" : "reject", c.permanent(), "user_action");
        }
        if (command instanceof GrantPermission c) {
            return reply(pair, at, "", "accept", c.permanent(), "user_action");
        }
        if (command instanceof RevokePermission) {
            return reply(pair, at, "", "reject", false, "user_action");
        }
        if (command instanceof RecordUserCall c) {
            boolean connected = c.outcome() == UserCallOutcome.CONNECTED;
            return calls(pair, "\"calls\":[{\"id\":\"" + c.callId() + "\"," + party(pair, "from", "from_user_id")
                    + ",\"event\":\"terminate\",\"direction\":\"USER_INITIATED\",\"timestamp\":\"" + at + "\""
                    + (connected ? ",\"start_time\":\"" + (at - 120) + "\",\"end_time\":\"" + at + "\"" : "") + "}]");
        }
        if (command instanceof RecordCallOutcome c) {
            return outcome(pair, c.callId(), c.outcome(), at);
        }
        return null;
    }

    private static String outcome(PairId pair, String callId, CallOutcome outcome, long at) {
        return switch (outcome) {
            case CONNECTED, REJECTED -> calls(pair, "\"statuses\":[{\"id\":\"" + callId + "\",\"type\":\"call\","
                    + "\"status\":\"" + (outcome == CallOutcome.CONNECTED ? "ACCEPTED" : "REJECTED") + "\","
                    + "\"timestamp\":\"" + at + "\"," + party(pair, "recipient_id", "recipient_user_id") + "}]");
            case UNANSWERED, FAILED -> calls(pair, "\"calls\":[{\"id\":\"" + callId + "\","
                    + party(pair, "to", "to_user_id") + ",\"event\":\"terminate\",\"direction\":\"BUSINESS_INITIATED\","
                    + "\"timestamp\":\"" + at + "\",\"status\":\"" + (outcome == CallOutcome.FAILED ? "FAILED" : "COMPLETED")
                    + "\"" + (outcome == CallOutcome.FAILED ? ",\"errors\":[{\"code\":138021}]" : "") + "}]");
        };
    }

    private static String reply(PairId pair, long at, String context, String response, boolean permanent,
                                String source) {
        return messages(pair, "\"messages\":[{" + party(pair, "from", "from_user_id") + ",\"id\":\"wamid.demo" + at
                + "\",\"timestamp\":\"" + at + "\"," + context + "\"type\":\"interactive\",\"interactive\":{"
                + "\"type\":\"call_permission_reply\",\"call_permission_reply\":{\"response\":\"" + response
                + "\",\"is_permanent\":" + permanent + ",\"response_source\":\"" + source + "\"}}}]");
    }

    private static String messages(PairId pair, String content) {
        return envelope("messages", pair, content);
    }

    private static String calls(PairId pair, String content) {
        return envelope("calls", pair, content);
    }

    private static String envelope(String field, PairId pair, String content) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"demo\",\"changes\":[{\"field\":\""
                + field + "\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                + pair.business() + "\"}," + content + "}}]}]}";
    }

    /** The user by phone number, or by business-scoped id when the demo user has no number. */
    private static String party(PairId pair, String phoneField, String userIdField) {
        return pair.user().matches("[0-9]+") ? "\"" + phoneField + "\":\"" + pair.user() + "\""
                : "\"" + userIdField + "\":\"" + pair.user() + "\"";
    }
}
