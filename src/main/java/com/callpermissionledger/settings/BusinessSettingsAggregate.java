package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Objects;

/** The settings history of one business number, so auditors can see which policy was chosen and when. */
@Aggregate(commandTargetResolver = "settingsCommandTargetResolver")
public class BusinessSettingsAggregate {

    @AggregateIdentifier
    private String id;
    private CallbackPermission callbackPermission = CallbackPermission.DISABLED;
    private String policy;

    protected BusinessSettingsAggregate() {
    }

    /** Settings streams are named apart from pair streams, whose ids always start with a digit. */
    public static String idOf(String business) {
        return "settings:" + business;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ChangeBusinessSettings command, Clock clock) {
        CallbackPermission callback = command.callbackPermission() != null
                ? command.callbackPermission() : callbackPermission;
        String chosen = command.policy() != null ? command.policy() : policy;
        if (callback == callbackPermission && Objects.equals(chosen, policy)) {
            return false;
        }
        AggregateLifecycle.apply(new BusinessSettingsChanged(command.business(), clock.instant(), callback, chosen));
        return true;
    }

    @EventSourcingHandler
    void on(BusinessSettingsChanged event) {
        id = idOf(event.business());
        callbackPermission = event.callbackPermission();
        policy = event.policy();
    }
}
