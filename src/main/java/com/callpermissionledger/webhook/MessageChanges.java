package com.callpermissionledger.webhook;

import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.RecordCallbackGrant;
import com.callpermissionledger.policy.command.RecordPlatformRevocation;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RevokePermission;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/** A {@code messages} change: permission replies (the reference's reply table) and request message statuses. */
@Component
class MessageChanges {

    static final String REPLY = "call_permission_reply";

    private final PlatformUsers users;
    private final PairHistory history;
    private final PendingStatuses pending;

    MessageChanges(PlatformUsers users, PairHistory history, PendingStatuses pending) {
        this.users = users;
        this.history = history;
        this.pending = pending;
    }

    /** The fact a message states, or null when it says nothing about call permission. */
    PairCommand message(String business, MessagesValue value, MessagesValue.Message m) {
        if (m.interactive() == null || !REPLY.equals(m.interactive().type())) {
            return null;
        }
        MessagesValue.Reply reply = m.interactive().callPermissionReply();
        if (reply == null || reply.response() == null) {
            throw new BadChangeException("a call_permission_reply without a response");
        }
        ReplyResponse response = switch (reply.response().toLowerCase(Locale.ROOT)) {
            case "accept" -> ReplyResponse.ACCEPT;
            case "reject" -> ReplyResponse.REJECT;
            default -> throw new BadChangeException("unknown response " + reply.response());
        };
        boolean automatic = "automatic".equalsIgnoreCase(reply.responseSource());
        boolean permanent = Boolean.TRUE.equals(reply.isPermanent());
        Instant at = PlatformTime.required(m.timestamp(), "timestamp");
        Instant platformExpiry = PlatformTime.of(reply.expirationTimestamp(), "expiration_timestamp");
        MessagesValue.Contact contact = value.contacts() != null && value.contacts().size() == 1
                ? value.contacts().get(0) : null;
        PairId pair = users.pair(business, m.from() != null ? m.from() : contact == null ? null : contact.waId(),
                m.fromUserId() != null ? m.fromUserId() : contact == null ? null : contact.userId());
        String context = m.context() == null ? null : m.context().id();
        if (context != null && context.startsWith("wamid.")) {
            return new RecordReply(pair, context, response, permanent, at, platformExpiry);
        }
        if (context != null && context.startsWith("wacid.")) {
            if (response != ReplyResponse.ACCEPT) {
                throw new BadChangeException("a reject in reply to a user call (" + context + ") is not documented");
            }
            return new RecordCallbackGrant(pair, context, at, platformExpiry);
        }
        if (context != null) {
            throw new BadChangeException("a reply whose context is neither a wamid. nor a wacid. id: " + context);
        }
        if (response == ReplyResponse.ACCEPT) {
            return new GrantPermission(pair, permanent, at);
        }
        return automatic ? new RecordPlatformRevocation(pair, at) : new RevokePermission(pair, at);
    }

    /**
     * The fact a message status states: {@code delivered} or {@code read} (a message read at once may skip
     * delivered) starts a request's no-response clock, {@code failed} fails it. A status of a message the
     * ledger does not know as a request is held ({@link PendingStatuses}) until that request is recorded.
     */
    PairCommand status(String business, MessagesValue.Status s, Tally tally) {
        String status = s.status() == null ? "" : s.status().toLowerCase(Locale.ROOT);
        if (!status.equals("delivered") && !status.equals("read") && !status.equals("failed")) {
            return null;
        }
        if (s.id() == null) {
            throw new BadChangeException("a message status without an id");
        }
        PairId pair = users.pair(business, s.recipientId(), s.recipientUserId());
        Instant at = PlatformTime.required(s.timestamp(), "timestamp");
        if (!history.state(pair).requests().containsKey(s.id())) {
            if (pending.hold(pair, s.id(), status, at)) {
                tally.held++;
            } else {
                tally.unchanged++;
            }
            if (history.state(pair).requests().containsKey(s.id())) {
                pending.apply(pair, s.id()); // the request was recorded meanwhile
            }
            return null;
        }
        return status.equals("failed") ? new MarkRequestFailed(pair, s.id(), at)
                : new MarkRequestDelivered(pair, s.id(), at);
    }
}
