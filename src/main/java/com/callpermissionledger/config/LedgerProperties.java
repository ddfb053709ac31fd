package com.callpermissionledger.config;

import com.callpermissionledger.policy.PolicyCatalog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code ledger.*} settings, validated at start so a typo fails the start, not a decision. */
@Validated
@ConfigurationProperties("ledger")
public class LedgerProperties {

    @Valid
    private final PolicySettings policy = new PolicySettings();
    @Valid
    private final ExpirySettings expiry = new ExpirySettings();
    private final SimulationSettings simulation = new SimulationSettings();
    /** Operator-defined policies beside the built-in ones, by name (docs/rules.md, "Adding a policy"). */
    @Valid
    private final Map<String, PolicyDefinition> policies = new LinkedHashMap<>();

    private static final Pattern POLICY_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    public PolicySettings getPolicy() {
        return policy;
    }

    public Map<String, PolicyDefinition> getPolicies() {
        return policies;
    }

    @AssertTrue(message = "ledger.policy.default must name a built-in policy (whatsapp-v1, whatsapp-v2) "
            + "or one defined under ledger.policies")
    public boolean isDefaultPolicyKnown() {
        return PolicyCatalog.byName(policy.getDefault()).isPresent() || policies.containsKey(policy.getDefault());
    }

    @AssertTrue(message = "ledger.policies: a name is lower-case letters, digits, '.' and '-' (at most 63), "
            + "and a built-in policy (whatsapp-v1, whatsapp-v2) cannot be redefined; use a new name")
    public boolean isPolicyNamesValid() {
        return policies.keySet().stream()
                .allMatch(name -> POLICY_NAME.matcher(name).matches() && PolicyCatalog.byName(name).isEmpty());
    }

    public ExpirySettings getExpiry() {
        return expiry;
    }

    public SimulationSettings getSimulation() {
        return simulation;
    }

    public static class SimulationSettings {
        /** Where the simulated clock starts (profile {@code simulation}); absent: the current time. */
        private Instant start;

        public Instant getStart() {
            return start;
        }

        public void setStart(Instant start) {
            this.start = start;
        }
    }

    public static class PolicySettings {
        /** The policy of every business number whose settings name none. */
        @NotBlank
        private String defaultPolicy = PolicyCatalog.WHATSAPP_V1.name();

        public String getDefault() {
            return defaultPolicy;
        }

        public void setDefault(String name) {
            this.defaultPolicy = name;
        }
    }

    public static class ExpirySettings {
        /** How often due expiries are looked for; an expiry is recorded at most this long after it falls due. */
        @NotNull
        private Duration sweepInterval = Duration.ofSeconds(1);
        /** How many due expiries one sweep handles at most. */
        private int batchSize = 500;

        public Duration getSweepInterval() {
            return sweepInterval;
        }

        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }
}
