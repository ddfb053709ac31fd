package com.callpermissionledger.policy;

import java.util.regex.Pattern;

/**
 * The format accepted for request ids ({@code wamid.…}) and call ids ({@code wacid.…}): 1 to 128
 * characters of letters, digits and {@code . _ - : = +}. A slash is excluded because ids travel in URL paths.
 */
public final class MessageIds {

    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:=+\\-]{1,128}");

    private MessageIds() {
    }

    public static String require(String field, String id) {
        if (id == null || !FORMAT.matcher(id).matches()) {
            throw new InvalidIdentifierException(field,
                    field + " must be 1 to 128 letters, digits or . _ - : = + (as in wamid.… or wacid.…)");
        }
        return id;
    }
}
