package com.callpermissionledger.policy;

import java.util.regex.Pattern;

/**
 * The format accepted for request ids ({@code wamid.…}) and call ids ({@code wacid.…}): 1 to 128
 * characters of letters, digits and {@code . _ - : = +}, not dots only. A slash is excluded, and so are
 * {@code .} and {@code ..}, because ids travel in URL paths.
 */
public final class MessageIds {

    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:=+\\-]{1,128}");
    /** {@code .} and {@code ..} (or more dots) could never be reached in a path: it would be normalised away. */
    private static final Pattern DOTS_ONLY = Pattern.compile("\\.+");

    private MessageIds() {
    }

    public static String require(String field, String id) {
        if (id == null || !FORMAT.matcher(id).matches()) {
            throw new InvalidIdentifierException(field,
                    field + " must be 1 to 128 letters, digits or . _ - : = + (as in wamid.… or wacid.…)");
        }
        if (DOTS_ONLY.matcher(id).matches()) {
            throw new InvalidIdentifierException(field,
                    field + " must not be made of dots only: clients and proxies normalise '.' and '..' out of a path");
        }
        return id;
    }
}
