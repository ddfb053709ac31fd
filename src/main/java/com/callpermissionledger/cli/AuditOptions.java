package com.callpermissionledger.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} options of an audit command. */
record AuditOptions(Map<String, String> values) {

    static AuditOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new UsageException("not an option: " + arg);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return new AuditOptions(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    Instant instant(String name) {
        String value = values.get(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be an ISO-8601 instant such as 2026-11-24T08:00:00Z");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
