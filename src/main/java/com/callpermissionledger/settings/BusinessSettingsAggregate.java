package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.callpermissionledger.policy.FactTime;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The settings history of one business number, so auditors can see which policy was chosen and when. */
@Aggregate(commandTargetResolver = "settingsCommandTargetResolver")
public class BusinessSettingsAggregate {

    @AggregateIdentifier
    private String id;
    private CallbackPermission callbackPermission = CallbackPermission.DISABLED;
    private String policy;
    /** When the callback setting last changed, by the fact's own time; null while it never changed. */
    private Instant callbackAt;

    protected BusinessSettingsAggregate() {
    }

    /** Settings streams are named apart from pair streams, whose ids always start with a digit. */
    public static String idOf(String business) {
        return "settings:" + business;
    }

    /**
     * R-FACT-TIME: the change is dated when it happened. A callback change dated before the last callback
     * change recorded is late behind a newer fact, which stands: it changes nothing, as a late grant outlasted
     * by a later one. Otherwise it is appended, dated at its own instant, with the policy in force now.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ChangeBusinessSettings command, Clock clock) {
        Instant at = FactTime.of(command.occurredAt(), clock.instant());
        boolean superseded = callbackAt != null && at.isBefore(callbackAt);
        CallbackPermission callback = command.callbackPermission() != null && !superseded
                ? command.callbackPermission() : callbackPermission;
        String chosen = command.policy() != null ? command.policy() : policy;
        if (callback == callbackPermission && Objects.equals(chosen, policy)) {
            return false;
        }
        AggregateLifecycle.apply(new BusinessSettingsChanged(command.business(), at, callback, chosen));
        return true;
    }

    @EventSourcingHandler
    void on(BusinessSettingsChanged event) {
        id = idOf(event.business());
        if (event.callbackPermission() != callbackPermission) {
            callbackAt = event.occurredAt();
        }
        callbackPermission = event.callbackPermission();
        policy = event.policy();
    }
}
