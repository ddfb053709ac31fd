package com.callpermissionledger.expiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One expiry the ledger must record when its instant comes: a pair's temporary permission
 * ({@code subject = "permission"}) or one of its requests ({@code subject = "request:<id>"}).
 */
@Entity
@Table(name = "due_expiry")
@IdClass(DueExpiry.Key.class)
public class DueExpiry {

    static final String PERMISSION = "permission";

    @Id
    @Column(name = "pair_id", length = 120)
    private String pairId;
    @Id
    @Column(length = 140)
    private String subject;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    protected DueExpiry() {
    }

    DueExpiry(String pairId, String subject, Instant dueAt) {
        this.pairId = pairId;
        this.subject = subject;
        this.dueAt = dueAt;
    }

    static String request(String requestId) {
        return "request:" + requestId;
    }

    public String pairId() {
        return pairId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public record Key(String pairId, String subject) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
