package com.callpermissionledger.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One pair as the dashboard lists it. The columns serve filtering; {@code pairState} is the pair's state
 * folded by the same {@code PairEvolution} as the aggregate, from which exact, time-dependent figures are
 * computed at read time.
 */
@Entity
@Table(name = "dashboard_pair")
public class PairRow extends ProjectionRow<String> {

    @Id
    @Column(name = "pair_id", length = 120)
    String pairId;
    @Column(nullable = false, length = 32)
    String business;
    @Column(name = "user_id", nullable = false, length = 80)
    String user;
    /** The ledger state just after the latest event; time can still turn it into EXPIRED. */
    @Column(name = "base_state", nullable = false, length = 16)
    String baseState;
    @Column(name = "grant_source", length = 20)
    String grantSource;
    @Column(name = "permission_kind", length = 16)
    String permissionKind;
    @Column(name = "granted_at")
    Instant grantedAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    /** When the last open request expires; a REQUESTED pair is EXPIRED from then on. */
    @Column(name = "open_requests_until")
    Instant openRequestsUntil;
    @Column(name = "consecutive_unanswered", nullable = false)
    int consecutiveUnanswered;
    @Column(nullable = false)
    boolean warning;
    @Column(name = "last_activity_at")
    Instant lastActivityAt;
    @Column(name = "expired_requests", nullable = false)
    int expiredRequests;
    /** Plain text, not a LOB, so H2 and PostgreSQL store it alike; JSON of the folded pair state. */
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "pair_state", nullable = false, length = 10_000_000)
    String pairState;

    protected PairRow() {
    }

    PairRow(String pairId, String business, String user) {
        this.pairId = pairId;
        this.business = business;
        this.user = user;
    }

    @Override
    public String getId() {
        return pairId;
    }
}
