package com.callpermissionledger.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One permission request, with its expiry marker ({@code expiredAt}, {@code expiryReason}). */
@Entity
@Table(name = "dashboard_request")
@IdClass(RequestRow.Key.class)
public class RequestRow extends ProjectionRow<RequestRow.Key> {

    @Id
    @Column(name = "pair_id", length = 120)
    String pairId;
    @Id
    @Column(name = "request_id", length = 128)
    String requestId;
    @Column(nullable = false, length = 32)
    String business;
    @Column(name = "user_id", nullable = false, length = 80)
    String user;
    @Column(length = 16)
    String channel;
    @Column(name = "sent_at")
    Instant sentAt;
    @Column(name = "delivered_at")
    Instant deliveredAt;
    @Column(length = 16)
    String response;
    @Column(nullable = false)
    boolean permanent;
    @Column(name = "replied_at")
    Instant repliedAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "expired_at")
    Instant expiredAt;
    @Column(name = "expiry_reason", length = 16)
    String expiryReason;
    @Column(name = "first_seen_at", nullable = false)
    Instant firstSeenAt;

    protected RequestRow() {
    }

    RequestRow(String pairId, String requestId, String business, String user, Instant firstSeenAt) {
        this.pairId = pairId;
        this.requestId = requestId;
        this.business = business;
        this.user = user;
        this.firstSeenAt = firstSeenAt;
    }

    @Override
    public Key getId() {
        return new Key(pairId, requestId);
    }

    public record Key(String pairId, String requestId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
