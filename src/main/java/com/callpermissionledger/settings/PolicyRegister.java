package com.callpermissionledger.settings;

import com.callpermissionledger.policy.Policy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The policies the ledger has used, with their numbers, and the configured default over time: one stream,
 * so a name can never come to mean other numbers, and point-in-time answers know the default of their time.
 */
@Aggregate(commandTargetResolver = "policyRegisterTargetResolver")
public class PolicyRegister {

    /** Pair streams start with a digit and settings streams with "settings:"; this one is alone. */
    public static final String ID = "policies";

    @AggregateIdentifier
    private String id;
    private final Map<String, Policy> definitions = new HashMap<>();
    private String defaultPolicy;

    protected PolicyRegister() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(UsePolicy command, Clock clock) {
        Policy policy = command.policy();
        Policy recorded = definitions.get(policy.name());
        if (recorded != null && !recorded.equals(policy)) {
            throw redefined(recorded, policy);
        }
        boolean changed = false;
        if (recorded == null) {
            AggregateLifecycle.apply(PolicyDefined.of(policy, clock.instant()));
            changed = true;
        }
        if (command.asDefault() && !policy.name().equals(defaultPolicy)) {
            AggregateLifecycle.apply(new DefaultPolicyChanged(policy.name(), clock.instant()));
            changed = true;
        }
        return changed;
    }

    static PolicyRedefinedException redefined(Policy recorded, Policy configured) {
        return new PolicyRedefinedException("Policy '" + recorded.name() + "' has been used with other numbers: "
                + "recorded " + recorded + ", configured " + configured + ". A used policy's numbers never change; "
                + "define the new numbers under a new name (docs/rules.md, \"Adding a policy\").");
    }

    @EventSourcingHandler
    void on(PolicyDefined event) {
        id = ID;
        definitions.put(event.name(), event.policy());
    }

    @EventSourcingHandler
    void on(DefaultPolicyChanged event) {
        id = ID;
        defaultPolicy = event.policy();
    }
}
