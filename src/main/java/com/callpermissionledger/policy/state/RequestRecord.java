package com.callpermissionledger.policy.state;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RequestExpiryReason;

import java.time.Instant;

/**
 * One permission request as the ledger knows it. A request the ledger learned of only from a
 * delivery or a reply has no {@code sentAt} and no {@code channel}.
 */
public record RequestRecord(String requestId, Channel channel, Instant sentAt, Instant deliveredAt,
                            ReplyResponse response, boolean permanent, Instant repliedAt,
                            Instant expiresAt, Instant expiredAt, RequestExpiryReason expiryReason,
                            long order) {

    public static RequestRecord learned(String requestId, long order) {
        return new RequestRecord(requestId, null, null, null, null, false, null, null, null, null, order);
    }

    public boolean sentThroughLedger() {
        return sentAt != null;
    }

    public boolean expired() {
        return expiredAt != null;
    }

    public boolean openAt(Instant now) {
        return expiredAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public RequestRecord withDelivery(Instant at, Instant newExpiresAt) {
        return new RequestRecord(requestId, channel, sentAt, at, response, permanent, repliedAt,
                newExpiresAt, expiredAt, expiryReason, order);
    }

    public RequestRecord withReply(ReplyResponse answer, boolean isPermanent, Instant at, Instant newExpiresAt) {
        return new RequestRecord(requestId, channel, sentAt, deliveredAt, answer, isPermanent,
                repliedAt == null ? at : repliedAt, newExpiresAt, expiredAt, expiryReason, order);
    }

    public RequestRecord withExpiry(Instant at, RequestExpiryReason reason) {
        return new RequestRecord(requestId, channel, sentAt, deliveredAt, response, permanent, repliedAt,
                expiresAt, at, reason, order);
    }
}
