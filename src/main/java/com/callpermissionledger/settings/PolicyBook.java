package com.callpermissionledger.settings;

import com.callpermissionledger.config.LedgerProperties;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.PolicyCatalog;
import com.callpermissionledger.policy.UnknownPolicyException;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The policies this ledger knows: the built-in ones and those configured under {@code ledger.policies}
 * (validated at start-up by {@link LedgerProperties}). A name used in the past but no longer configured is
 * still read from the {@link PolicyRegister}, so its history stays answerable; it can no longer be chosen.
 */
@Component
public class PolicyBook {

    private final Map<String, Policy> configured = new LinkedHashMap<>();
    private final String defaultName;
    private final RecordedPolicies recorded;
    private final PairLedger ledger;

    public PolicyBook(LedgerProperties properties, RecordedPolicies recorded, PairLedger ledger) {
        PolicyCatalog.ALL.forEach(p -> configured.put(p.name(), p));
        properties.getPolicies().forEach((name, definition) -> configured.put(name, definition.toPolicy(name)));
        this.defaultName = properties.getPolicy().getDefault();
        this.recorded = recorded;
        this.ledger = ledger;
    }

    public Policy defaultPolicy() {
        return choosable(defaultName);
    }

    public Collection<Policy> configured() {
        return configured.values();
    }

    /** A policy a business or the default may be moved to now. */
    public Policy choosable(String name) {
        Policy policy = configured.get(name);
        if (policy == null) {
            throw new UnknownPolicyException("unknown policy '" + name + "'; known: " + configured.keySet());
        }
        return policy;
    }

    /** A policy by name, including one used in the past and since removed from the configuration. */
    public Policy byName(String name) {
        return Optional.ofNullable(configured.get(name))
                .or(() -> Optional.ofNullable(recorded.definitions().get(name)))
                .orElseThrow(() -> new UnknownPolicyException("unknown policy '" + name + "'; known: "
                        + configured.keySet()));
    }

    /**
     * Records that {@code policy} is used ({@link PolicyRegister}): its numbers the first time, and the default
     * when it changes. Two nodes starting at once both send it; the register's lock decides them one after
     * the other, so the second finds the numbers recorded.
     */
    public void use(Policy policy, boolean asDefault) {
        ledger.send(PolicyRegister.ID, new UsePolicy(policy, asDefault));
    }
}
