package com.callpermissionledger.policy;

import java.util.regex.Pattern;

/**
 * A (business number, user) pair, the unit every platform limit applies to. Its aggregate id is
 * {@code <business>:<user>}: neither part may contain a colon, so the id parses back unambiguously.
 *
 * @param business the business phone-number id, 1 to 32 digits
 * @param user     a WhatsApp id (1 to 20 digits) or a business-scoped user id such as {@code US.13491208655302741918}
 */
public record PairId(String business, String user) {

    public static final Pattern BUSINESS = Pattern.compile("[0-9]{1,32}");
    public static final Pattern USER = Pattern.compile("[0-9]{1,20}|[A-Z]{2}\\.[A-Za-z0-9]{1,64}");

    public PairId {
        requireValidBusiness(business);
        if (user == null || !USER.matcher(user).matches()) {
            throw new InvalidIdentifierException("user",
                    "a user is a WhatsApp id of 1 to 20 digits or a business-scoped id such as US.1349120865");
        }
    }

    public static void requireValidBusiness(String business) {
        if (business == null || !BUSINESS.matcher(business).matches()) {
            throw new InvalidIdentifierException("business", "a business is a phone-number id of 1 to 32 digits");
        }
    }

    public static PairId parse(String aggregateId) {
        int colon = aggregateId == null ? -1 : aggregateId.indexOf(':');
        if (colon < 0) {
            throw new InvalidIdentifierException("pair", "a pair id is <business>:<user>");
        }
        return new PairId(aggregateId.substring(0, colon), aggregateId.substring(colon + 1));
    }

    /** The aggregate identifier. */
    public String value() {
        return business + ":" + user;
    }

    @Override
    public String toString() {
        return value();
    }
}
