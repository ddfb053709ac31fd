package com.callpermissionledger.webhook;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * The rejected webhook changes of one business number, and the users it tied together: a stream of their own,
 * beside the pairs' streams.
 */
@Aggregate(commandTargetResolver = "changeLogTargetResolver")
public class WebhookChangeLog {

    @AggregateIdentifier
    private String id;
    private final Set<String> digests = new HashSet<>();

    protected WebhookChangeLog() {
    }

    /** Named apart from pair streams, whose ids always start with a digit. */
    public static String idOf(String business) {
        return "webhooks:" + business;
    }

    /** Answers whether the change was new; the same change redelivered is recorded once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordBadChange command, Clock clock) {
        if (digests.contains(command.digest())) {
            return false;
        }
        AggregateLifecycle.apply(new WebhookChangeRejected(command.business(), clock.instant(), command.field(),
                command.reason(), command.change(), command.digest()));
        return true;
    }

    /** Two pairs turned out to be one user; a link is moved once, so this is recorded once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordUserTie command, Clock clock) {
        AggregateLifecycle.apply(new WebhookUserTied(command.business(), clock.instant(), command.formerUser(),
                command.pairUser(), command.factsCarried()));
    }

    @EventSourcingHandler
    void on(WebhookUserTied event) {
        id = idOf(event.business());
    }

    @EventSourcingHandler
    void on(WebhookChangeRejected event) {
        id = idOf(event.business());
        digests.add(event.digest());
    }
}
