package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.state.PairState;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The pair states this node's projector wrote last, each beside the text it wrote, so the next event of a
 * busy pair does not parse its row again: a pair's state grows with its history, and parsing it was most of
 * the dashboard's time under load (docs/performance.md, change 10). A state is handed out only while the
 * row holds exactly the text written with it, so a copy left by a batch that rolled back, by another node, by
 * a rebuild or by an erasure is never used. Bounded by the characters of the texts kept.
 */
@Component
@Profile("!audit")
class RecentPairStates {

    static final long MAX_CHARS = 8_000_000;

    private record Written(String text, PairState state) {
    }

    private final Cache<String, Written> written = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .weigher((String pair, Written w) -> w.text().length()).recordStats().build();
    private final PairStateCodec codec;

    RecentPairStates(PairStateCodec codec, MeterRegistry meters) {
        this.codec = codec;
        CaffeineCacheMetrics.monitor(meters, written, "dashboard-pair-states");
    }

    /** The state in the row's text, from memory while that text is the one written last. */
    PairState read(String pairId, String stored) {
        Written last = stored == null ? null : written.getIfPresent(pairId);
        if (last != null && last.text().equals(stored)) {
            return last.state();
        }
        return codec.read(stored);
    }

    /** The text to store for the pair's new state. */
    String write(String pairId, PairState state) {
        String text = codec.write(state);
        written.put(pairId, new Written(text, state));
        return text;
    }

    void forgetAll() {
        written.invalidateAll();
    }
}
