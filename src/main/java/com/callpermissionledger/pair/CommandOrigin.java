package com.callpermissionledger.pair;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who caused a command: the client's name and the caller's correlation id, held for the current thread
 * while the edge handles a request, and copied into the command's (and so its events') metadata.
 */
public final class CommandOrigin {

    public static final String CLIENT = "client";
    public static final String CORRELATION_ID = "correlationId";

    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private CommandOrigin() {
    }

    /** Runs {@code work} with the given origin; {@code correlationId} may be null. */
    public static <T> T with(String client, String correlationId, Supplier<T> work) {
        Map<String, String> previous = CURRENT.get();
        Map<String, String> origin = new HashMap<>();
        origin.put(CLIENT, client);
        if (correlationId != null) {
            origin.put(CORRELATION_ID, correlationId);
        }
        CURRENT.set(origin);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Map<String, String> current() {
        Map<String, String> origin = CURRENT.get();
        return origin == null ? Map.of(CLIENT, "unknown") : Map.copyOf(origin);
    }
}
