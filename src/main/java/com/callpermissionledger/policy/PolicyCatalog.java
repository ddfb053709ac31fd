package com.callpermissionledger.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The policies the ledger knows by name. */
public final class PolicyCatalog {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    /** The product documentation: temporary permissions only, 5 connected calls per 24 h. */
    public static final Policy WHATSAPP_V1 = new Policy("whatsapp-v1", false, Duration.ofSeconds(7 * 86_400L),
            5, DAY, 1, DAY, 2, WEEK, 2, 4, WEEK);

    /** The platform since 2025-12-19: permanent permissions too, 100 connected calls per 24 h. */
    public static final Policy WHATSAPP_V2 = new Policy("whatsapp-v2", true, Duration.ofSeconds(7 * 86_400L),
            100, DAY, 1, DAY, 2, WEEK, 2, 4, WEEK);

    public static final List<Policy> ALL = List.of(WHATSAPP_V1, WHATSAPP_V2);

    private PolicyCatalog() {
    }

    public static Optional<Policy> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Policy require(String name) {
        return byName(name).orElseThrow(() -> new UnknownPolicyException(
                "unknown policy '" + name + "'; known: " + ALL.stream().map(Policy::name).toList()));
    }
}
