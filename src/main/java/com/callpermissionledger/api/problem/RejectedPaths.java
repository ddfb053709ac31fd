package com.callpermissionledger.api.problem;

import java.util.Locale;
import java.util.Map;

/** Which identifier of a refused path holds the character that got it refused, named by the segment before it. */
final class RejectedPaths {

    private static final Map<String, String> FIELDS = Map.of("businesses", "business", "users", "user",
            "permission-requests", "requestId", "calls", "callId");

    private RejectedPaths() {
    }

    /** The field ({@code business}, {@code user}, {@code requestId}, {@code callId}), or null when no identifier is at fault. */
    static String identifierField(String uri) {
        String[] segments = uri.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i].toLowerCase(Locale.ROOT);
            boolean refused = segment.indexOf(';') >= 0 || segment.contains("%3b") || segment.contains("%2f")
                    || segment.contains("%5c") || segment.indexOf('\\') >= 0;
            if (refused) {
                return FIELDS.get(segments[i - 1]);
            }
        }
        return null;
    }
}
