package com.callpermissionledger.pair;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.snapshots.*}: how often a pair's folded state is stored beside its stream, so that a pair
 * not kept in memory is loaded from its latest snapshot and the events after it, not from its whole
 * history. 0 turns snapshots off. A snapshot is a copy for speed, never evidence: audits, exports and
 * point-in-time answers read the events. docs/operations.md says what a value costs.
 *
 * @param everyEvents a snapshot once this many events have been folded since the pair's last one
 */
@Validated
@ConfigurationProperties("ledger.snapshots")
public record PairSnapshotProperties(@Min(0) @Max(1_000_000) @DefaultValue("100") int everyEvents) {
}
