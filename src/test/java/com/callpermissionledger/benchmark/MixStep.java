package com.callpermissionledger.benchmark;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One step of the realistic mix, by weight. Upstream systems ask "may I?" before every request and call, so
 * status queries come first; then calls and their outcomes, permission requests with their delivery
 * reports and replies, and a few grants from the business profile.
 */
enum MixStep {
    STATUS_QUERY(40),
    PLACE_CALL(22),
    CALL_OUTCOME(12),
    PERMISSION_REQUEST(12),
    REQUEST_DELIVERED(6),
    REQUEST_REPLY(5),
    GRANT(3);

    private static final List<MixStep> BY_WEIGHT = byWeight();

    private final int weight;

    MixStep(int weight) {
        this.weight = weight;
    }

    static MixStep next() {
        return BY_WEIGHT.get(ThreadLocalRandom.current().nextInt(BY_WEIGHT.size()));
    }

    /** The mix without status queries: the commands alone, for the untuned baseline and the storage limit. */
    static MixStep nextCommand() {
        MixStep step;
        do {
            step = next();
        } while (step == STATUS_QUERY);
        return step;
    }

    private static List<MixStep> byWeight() {
        List<MixStep> table = new java.util.ArrayList<>();
        for (MixStep step : values()) {
            for (int i = 0; i < step.weight; i++) {
                table.add(step);
            }
        }
        return List.copyOf(table);
    }

    /** A short description for the report. */
    static String describe() {
        StringBuilder text = new StringBuilder();
        for (MixStep step : values()) {
            text.append(text.isEmpty() ? "" : ", ").append(step.weight).append(" % ")
                    .append(step.name().toLowerCase().replace('_', ' '));
        }
        return text.toString();
    }
}
