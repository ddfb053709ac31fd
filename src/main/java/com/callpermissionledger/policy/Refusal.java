package com.callpermissionledger.policy;

import java.time.Instant;
import java.util.List;

/**
 * Why the rules said no: the rule, a sentence a person can act on, when trying again can help
 * ({@code retryAt}, null when waiting alone will not), and the instants that caused it.
 */
public record Refusal(RefusalCode code, RuleId rule, String detail, Instant retryAt, List<Instant> evidence) {
    public Refusal {
        evidence = List.copyOf(evidence);
    }
}
