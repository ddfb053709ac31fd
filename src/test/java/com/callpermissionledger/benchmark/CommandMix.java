package com.callpermissionledger.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The realistic mix ({@link MixStep}) over Zipf-skewed pairs of one business, sent through a {@link LedgerPort}.
 * It remembers each pair's last request and call so that deliveries, replies and outcomes name real ones;
 * two clients on a hot pair may still race, and the ledger's answer to that (refused, unchanged, a 409) is
 * part of what is measured and tallied.
 */
final class CommandMix implements Load.Operation {

    private final LedgerPort port;
    private final String business;
    private final ZipfPairs pairs;
    private final boolean withQueries;
    private final AtomicReferenceArray<String> lastRequest;
    private final AtomicReferenceArray<String> lastCall;
    private final Map<String, LongAdder> tally = new ConcurrentHashMap<>();

    CommandMix(LedgerPort port, String business, ZipfPairs pairs, int pairCount, boolean withQueries) {
        this.port = port;
        this.business = business;
        this.pairs = pairs;
        this.withQueries = withQueries;
        this.lastRequest = new AtomicReferenceArray<>(pairCount);
        this.lastCall = new AtomicReferenceArray<>(pairCount);
    }

    @Override
    public void run(long sequence) throws Exception {
        int pair = pairs.next();
        String user = Long.toString(46_700_000_000L + pair);
        MixStep step = withQueries ? MixStep.next() : MixStep.nextCommand();
        String request = lastRequest.get(pair);
        String call = lastCall.get(pair);
        String answer = switch (step) {
            case STATUS_QUERY -> port.status(business, user);
            case PERMISSION_REQUEST -> newRequest(pair, user, sequence);
            case REQUEST_DELIVERED -> request == null ? newRequest(pair, user, sequence)
                    : port.delivered(business, user, request);
            case REQUEST_REPLY -> request == null ? newRequest(pair, user, sequence)
                    : port.reply(business, user, request);
            case GRANT -> port.grant(business, user);
            case PLACE_CALL -> newCall(pair, user, sequence);
            case CALL_OUTCOME -> call == null ? newCall(pair, user, sequence) : port.outcome(business, user, call);
        };
        tally.computeIfAbsent(answer, a -> new LongAdder()).increment();
    }

    private String newRequest(int pair, String user, long sequence) throws Exception {
        String id = "req." + sequence;
        lastRequest.set(pair, id);
        return port.request(business, user, id);
    }

    private String newCall(int pair, String user, long sequence) throws Exception {
        String id = "wacid.b" + sequence;
        lastCall.set(pair, id);
        return port.placeCall(business, user, id);
    }

    /** What the ledger answered, by label, for the report. */
    Map<String, Long> tally() {
        Map<String, Long> counts = new TreeMap<>();
        tally.forEach((label, count) -> counts.put(label, count.sum()));
        return counts;
    }
}
