package com.callpermissionledger.config;

import java.util.regex.Pattern;

/**
 * Masks what looks like a user id in log text: runs of 8 or more digits (WhatsApp ids are phone numbers)
 * and business-scoped ids ({@code US.1349…}) keep only their last four characters. Business numbers are
 * masked too; that costs nothing, and a log line cannot tell them apart.
 */
public final class PersonalDataMask {

    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{4,}([0-9]{4})(?![0-9])");
    private static final Pattern SCOPED = Pattern.compile("\\b([A-Z]{2}\\.)[A-Za-z0-9]+([A-Za-z0-9]{4})\\b");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = SCOPED.matcher(text).replaceAll(m -> m.group(1) + "****" + m.group(2));
        return DIGITS.matcher(masked).replaceAll(m -> "*".repeat(m.group().length() - 4) + m.group(1));
    }
}
