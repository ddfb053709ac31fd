package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.PairEvolution;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.RequestRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Builds the dashboard's tables from the pair events (a pooled streaming processor, see application.yml).
 * The pair row is a fold with the aggregate's own {@link PairEvolution}; request rows are copied from the
 * folded state, so the dashboard and the rules can never disagree about a request. The pair's timeline is
 * not projected: {@link PairTimeline} reads it from the events.
 */
@Component
@Profile("!audit")
@ProcessingGroup("dashboard")
public class DashboardProjector {

    static final String BUSINESS_INITIATED = "BUSINESS_INITIATED";
    static final String USER_INITIATED = "USER_INITIATED";

    private final FoldedPairRows folded;
    private final PairRows pairs;
    private final RequestRows requests;
    private final CallRows calls;
    private final RefusedRequestRows refusedRequests;
    private final RecentPairStates states;

    DashboardProjector(FoldedPairRows folded, PairRows pairs, RequestRows requests, CallRows calls,
                       RefusedRequestRows refusedRequests, RecentPairStates states) {
        this.folded = folded;
        this.pairs = pairs;
        this.requests = requests;
        this.calls = calls;
        this.refusedRequests = refusedRequests;
        this.states = states;
    }

    /** {@code unitOfWork} is the processor's batch: its first pair reads the rows of all of them. */
    @EventHandler
    void on(PairEvent event, @SequenceNumber long sequence, UnitOfWork<?> unitOfWork) {
        FoldedPairRows.Folded current = folded.current(event.pairId(), () -> pairsIn(unitOfWork));
        PairRow row = current.row();
        PairState before = current.state();
        PairState after = PairEvolution.evolve(before, event);
        describe(row, after, event.occurredAt());
        folded.put(row, after);
        copyChangedRequests(row, before, after, event.occurredAt());
        recordCall(row, event, sequence);
        if (event instanceof PermissionRequestRefused e) {
            refusedRequests.save(new RefusedRequestRow(row.pairId, sequence, row.business, e.occurredAt(), e.rule()));
        }
    }

    @ResetHandler
    void reset() {
        states.forgetAll();
        refusedRequests.deleteAllInBatch();
        calls.deleteAllInBatch();
        requests.deleteAllInBatch();
        pairs.deleteAllInBatch();
    }

    private static Collection<String> pairsIn(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages() : List.of(unitOfWork.getMessage());
        return messages.stream().filter(m -> PairEvent.class.isAssignableFrom(m.getPayloadType()))
                .map(m -> ((PairEvent) m.getPayload()).pairId().value()).distinct().toList();
    }

    private static void describe(PairRow row, PairState s, Instant at) {
        var permission = s.permission();
        row.baseState = s.ledgerStateAt(at).name();
        row.grantSource = permission == null ? null : permission.source().name();
        row.permissionKind = permission == null ? null : permission.kind().name();
        row.grantedAt = permission == null ? null : permission.grantedAt();
        row.expiresAt = permission == null ? null : permission.expiresAt();
        row.openRequestsUntil = s.requests().values().stream().filter(r -> !r.expired())
                .map(RequestRecord::expiresAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        row.consecutiveUnanswered = s.consecutiveMisses();
        row.warning = s.warning();
        row.lastActivityAt = s.lastActivityAt();
        row.expiredRequests = (int) s.requests().values().stream().filter(RequestRecord::expired).count();
    }

    private void copyChangedRequests(PairRow pair, PairState before, PairState after, Instant at) {
        after.requests().forEach((id, r) -> {
            RequestRecord known = before.requests().get(id);
            if (r.equals(known)) {
                return;
            }
            // a request never leaves the state, so one the state did not hold has no row yet: no read for it
            RequestRow row = known == null ? new RequestRow(pair.pairId, id, pair.business, pair.user, at)
                    : requests.findById(new RequestRow.Key(pair.pairId, id))
                    .orElseGet(() -> new RequestRow(pair.pairId, id, pair.business, pair.user, at));
            row.channel = r.channel() == null ? null : r.channel().name();
            row.sentAt = r.sentAt();
            row.deliveredAt = r.deliveredAt();
            row.response = r.response() == null ? null : r.response().name();
            row.permanent = r.permanent();
            row.repliedAt = r.repliedAt();
            row.expiresAt = r.expiresAt();
            row.expiredAt = r.expiredAt();
            row.expiryReason = r.expiryReason() == null ? null : r.expiryReason().name();
            requests.save(row);
        });
    }

    private void recordCall(PairRow pair, PairEvent event, long sequence) {
        if (event instanceof CallPlaced e) {
            calls.save(new CallRow(pair.pairId, sequence, pair.business, pair.user, e.callId(), BUSINESS_INITIATED,
                    e.occurredAt()));
        } else if (event instanceof CallRefused e) {
            CallRow row = new CallRow(pair.pairId, sequence, pair.business, pair.user, e.callId(), BUSINESS_INITIATED,
                    e.occurredAt());
            row.refused = true;
            row.refusalCode = e.code().name();
            row.rule = e.rule();
            row.retryAt = e.retryAt();
            calls.save(row);
        } else if (event instanceof CallOutcomeRecorded e) {
            calls.findFirstByPairIdAndCallIdAndDirectionAndRefusedFalseOrderBySequenceDesc(pair.pairId, e.callId(),
                    BUSINESS_INITIATED).ifPresent(row -> {
                row.outcome = e.outcome().name();
                row.outcomeAt = e.occurredAt();
                calls.save(row);
            });
        } else if (event instanceof UserCallRecorded e) {
            CallRow row = new CallRow(pair.pairId, sequence, pair.business, pair.user, e.callId(), USER_INITIATED,
                    e.occurredAt());
            row.outcome = e.outcome().name();
            row.outcomeAt = e.occurredAt();
            calls.save(row);
        }
    }
}
