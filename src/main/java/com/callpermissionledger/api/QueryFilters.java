package com.callpermissionledger.api;

import com.callpermissionledger.api.problem.InvalidFilterException;
import com.callpermissionledger.policy.PairId;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Parses query filters strictly: a value that is not understood is a 400, never silently ignored. */
public final class QueryFilters {

    private static final int MAX_SIZE = 200;

    private QueryFilters() {
    }

    public static String business(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        PairId.requireValidBusiness(value);
        return value;
    }

    public static String user(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!PairId.USER.matcher(value).matches()) {
            throw new InvalidFilterException("user must be a WhatsApp id (1 to 20 digits) or a business-scoped id");
        }
        return value;
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new InvalidFilterException(name + " must be one of " + new TreeSet<>(allowed));
        }
        return value;
    }

    public static Duration duration(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw new InvalidFilterException(name + " must be a positive ISO-8601 duration such as P1D or PT12H");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException(name + " must be an ISO-8601 duration such as P1D or PT12H");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidFilterException(name + " must be true or false");
        }
        return Boolean.valueOf(value);
    }

    public static int page(String value) {
        return integer("page", value, 0, 1_000_000);
    }

    public static int size(String value) {
        return integer("size", value, 1, MAX_SIZE);
    }

    public static int limit(String value, int max) {
        return integer("limit", value, 1, max);
    }

    /** A sequence number of a pair's stream, or null when absent. */
    public static Long sequence(String name, String value) {
        return value == null ? null : (long) integer(name, value, 0, Integer.MAX_VALUE);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidFilterException(name + " must be a whole number from " + min + " to " + max);
    }
}
