package com.callpermissionledger.api;

import com.callpermissionledger.api.problem.InvalidFilterException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Strict parsing of the audit endpoints' parameters; anything not understood is a 400. */
public final class AuditParameters {

    private AuditParameters() {
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException(name + " must be an ISO-8601 instant such as 2026-11-24T08:00:00Z");
        }
    }

    public static long position(String value) {
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidFilterException("after must be a position: a whole number, 0 or more");
    }

    public static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidFilterException("limit must be a whole number from 1 to " + max);
    }
}
