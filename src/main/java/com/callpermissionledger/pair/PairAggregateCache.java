package com.callpermissionledger.pair;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The pair aggregates Axon's caching repository keeps between commands, so a command does not read its
 * pair's whole stream. A copy is handed out only while it is the stored stream's latest state: {@link #get}
 * reads the stream from the copy's last sequence on and requires exactly the event the copy folded last.
 * A pair's commands run under its lock ({@link PairLocks}, on PostgreSQL an advisory lock across nodes),
 * so nothing can be appended between that read and the command's own append. A copy left behind
 * by another node's command, by a commit that failed after Axon's unit of work, or by an erasure is
 * dropped and the stream read again ({@code ledger.pair.cache.stale}).
 */
@Component
public class PairAggregateCache implements Cache {

    /** From the copy's last sequence on: an index range that is one row long while the copy is current. */
    private static final String FROM_LAST = "select event_identifier from domain_event_entry"
            + " where aggregate_identifier = ? and sequence_number >= ? fetch first 2 rows only";

    /** Axon's entry, and the last event (sequence, identifier) its aggregate had folded when it was put. */
    private record Copy(Object entry, long lastSequence, String lastEventId) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<Object, Copy> copies;
    private final JdbcTemplate jdbc;
    private final Counter stale;
    private final int maxPairs;

    public PairAggregateCache(PairCacheProperties properties, JdbcTemplate jdbc, MeterRegistry meters) {
        this.copies = Caffeine.newBuilder().maximumSize(properties.pairs()).recordStats().build();
        this.jdbc = jdbc;
        this.maxPairs = properties.pairs();
        this.stale = Counter.builder("ledger.pair.cache.stale")
                .description("cached pair aggregates found behind their stored stream and dropped").register(meters);
        CaffeineCacheMetrics.monitor(meters, copies, "pair-aggregates");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Copy copy = key == null ? null : copies.getIfPresent(key);
        if (copy == null) {
            return null;
        }
        List<String> stored = jdbc.queryForList(FROM_LAST, String.class, key, copy.lastSequence());
        if (!stored.equals(List.of(copy.lastEventId()))) {
            copies.invalidate(key);
            stale.increment();
            return null;
        }
        return (V) copy.entry();
    }

    @Override
    public void put(Object key, Object value) {
        Copy copy = copyOf(key, value);
        if (copy == null) {
            remove(key);
        } else {
            copies.put(key, copy);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Copy copy = copyOf(key, value);
        return copy != null && copies.asMap().putIfAbsent(key, copy) == null;
    }

    @Override
    public boolean remove(Object key) {
        return key != null && copies.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        copies.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return copies.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        copies.asMap().computeIfPresent(key, (k, copy) -> {
            Object updated = update.apply((V) copy.entry());
            return updated == null ? null : copyOf(k, updated);
        });
    }

    /** Axon's caching repository registers no listener; nothing else uses this cache. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the pair aggregate cache has no entry listeners");
    }

    /**
     * Null when there is nothing worth keeping: caching is off, or the pair has no event yet (a command
     * on a new pair that decided nothing). Axon keeps the live aggregate in its entry; recreating hands that
     * instance back without using the arguments, because this cache never serializes an entry.
     */
    @SuppressWarnings("unchecked")
    private Copy copyOf(Object key, Object value) {
        if (key == null || maxPairs == 0) {
            return null;
        }
        var aggregate = ((AggregateCacheEntry<PairAggregate>) value).recreateAggregate(null, null, null, null);
        String lastEventId = aggregate.getAggregateRoot().lastEventId();
        return lastEventId == null || aggregate.version() == null ? null
                : new Copy(value, aggregate.version(), lastEventId);
    }
}
