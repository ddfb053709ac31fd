package com.callpermissionledger.pair;

import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairDecider;
import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.RecordCallbackGrant;
import com.callpermissionledger.policy.command.RecordPlatformRevocation;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

/**
 * One (business number, user) pair. Every handler delegates to {@link PairDecider}; the aggregate adds
 * only what Axon needs: loading, locking and appending. The clock and the business terms are injected,
 * so time and settings are inputs to the decision, never read from inside the rules. Its three fields are
 * also its snapshot's format ({@link PairSnapshots}), read field by field.
 */
@Aggregate(commandTargetResolver = "pairCommandTargetResolver", cache = "pairAggregateCache",
        snapshotTriggerDefinition = "pairSnapshotTrigger", snapshotFilter = "pairSnapshotFilter")
@Revision(PairAggregate.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class PairAggregate {

    /** Raise it when a field here or in {@link PairState} changes: older snapshots are then ignored. */
    static final String SNAPSHOT_REVISION = "1";

    @AggregateIdentifier
    private String id;
    private PairState state = PairState.EMPTY;
    /** The identifier of the last event folded in: how {@link PairAggregateCache} tells a stale copy. */
    private String lastEventId;

    protected PairAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(SendPermissionRequest command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(MarkRequestDelivered command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(RecordReply command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(GrantPermission command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(RevokePermission command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(PlaceCall command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(RecordCallOutcome command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(RecordUserCall command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(MarkRequestFailed command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(RecordCallbackGrant command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(RecordPlatformRevocation command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PairOutcome handle(ExpireDue command, Clock clock, BusinessTermsSource terms) {
        return decide(command, clock, terms);
    }

    private PairOutcome decide(PairCommand command, Clock clock, BusinessTermsSource terms) {
        Decision decision = PairDecider.decide(state, command,
                terms.termsFor(command.pairId().business()), clock.instant());
        decision.events().forEach(AggregateLifecycle::apply);
        return new PairOutcome(decision, state);
    }

    String lastEventId() {
        return lastEventId;
    }

    PairState state() {
        return state;
    }

    @EventSourcingHandler
    void on(PairEvent event, @MessageIdentifier String eventId) {
        id = event.pairId().value();
        state = PairEvolution.evolve(state, event);
        lastEventId = eventId;
    }
}
