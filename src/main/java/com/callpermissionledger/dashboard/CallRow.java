package com.callpermissionledger.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One call attempt: a business call placed or refused, or a call from the user. Keyed by the event that
 * started it, since a refused call id may be tried again.
 */
@Entity
@Table(name = "dashboard_call")
@IdClass(EventRowKey.class)
public class CallRow extends ProjectionRow<EventRowKey> {

    @Id
    @Column(name = "pair_id", length = 120)
    String pairId;
    @Id
    @Column(name = "sequence_number")
    long sequence;
    @Column(nullable = false, length = 32)
    String business;
    @Column(name = "user_id", nullable = false, length = 80)
    String user;
    @Column(name = "call_id", nullable = false, length = 128)
    String callId;
    /** BUSINESS_INITIATED or USER_INITIATED, as the platform names them. */
    @Column(nullable = false, length = 20)
    String direction;
    @Column(name = "placed_at", nullable = false)
    Instant placedAt;
    /** CONNECTED, UNANSWERED, REJECTED, FAILED (business calls), CONNECTED, MISSED (user calls); null in flight. */
    @Column(length = 16)
    String outcome;
    @Column(name = "outcome_at")
    Instant outcomeAt;
    @Column(nullable = false)
    boolean refused;
    @Column(name = "refusal_code", length = 32)
    String refusalCode;
    @Column(length = 40)
    String rule;
    @Column(name = "retry_at")
    Instant retryAt;

    protected CallRow() {
    }

    CallRow(String pairId, long sequence, String business, String user, String callId, String direction,
            Instant placedAt) {
        this.pairId = pairId;
        this.sequence = sequence;
        this.business = business;
        this.user = user;
        this.callId = callId;
        this.direction = direction;
        this.placedAt = placedAt;
    }

    @Override
    public EventRowKey getId() {
        return new EventRowKey(pairId, sequence);
    }
}
