package com.callpermissionledger.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** A permission request the rules refused, for the business summary's count of the day's refusals. */
@Entity
@Table(name = "dashboard_refused_request")
@IdClass(EventRowKey.class)
public class RefusedRequestRow extends ProjectionRow<EventRowKey> {

    @Id
    @Column(name = "pair_id", length = 120)
    String pairId;
    @Id
    @Column(name = "sequence_number")
    long sequence;
    @Column(nullable = false, length = 32)
    String business;
    @Column(name = "refused_at", nullable = false)
    Instant refusedAt;
    @Column(length = 40)
    String rule;

    protected RefusedRequestRow() {
    }

    RefusedRequestRow(String pairId, long sequence, String business, Instant refusedAt, String rule) {
        this.pairId = pairId;
        this.sequence = sequence;
        this.business = business;
        this.refusedAt = refusedAt;
        this.rule = rule;
    }

    @Override
    public EventRowKey getId() {
        return new EventRowKey(pairId, sequence);
    }
}
