package com.callpermissionledger.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One line of a pair's history in plain words, for the pair detail view. */
@Entity
@Table(name = "dashboard_timeline")
@IdClass(TimelineRow.Key.class)
public class TimelineRow extends ProjectionRow<TimelineRow.Key> {

    @Id
    @Column(name = "pair_id", length = 120)
    String pairId;
    @Id
    @Column(name = "sequence_number")
    long sequence;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(nullable = false, length = 40)
    String kind;
    @Column(nullable = false, length = 400)
    String text;
    @Column(length = 40)
    String rule;

    protected TimelineRow() {
    }

    TimelineRow(String pairId, long sequence, Instant occurredAt, String kind, String text, String rule) {
        this.pairId = pairId;
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.text = text;
        this.rule = rule;
    }

    @Override
    public Key getId() {
        return new Key(pairId, sequence);
    }

    public record Key(String pairId, long sequence) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
