package com.callpermissionledger.pair;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.cache.*}: how many pairs this node keeps folded in memory, once for commands
 * ({@link PairAggregateCache}) and once for status queries ({@link PairHistory}). The least recently used
 * pair leaves first; 0 turns caching off. docs/operations.md sizes it against the heap.
 *
 * @param pairs at most this many pairs in each of the two caches
 */
@Validated
@ConfigurationProperties("ledger.cache")
public record PairCacheProperties(@Min(0) @Max(10_000_000) @DefaultValue("20000") int pairs) {
}
