package com.callpermissionledger.audit;

import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.settings.BusinessSettingsAggregate;
import com.callpermissionledger.settings.BusinessSettingsChanged;
import com.callpermissionledger.settings.PolicyBook;
import com.callpermissionledger.settings.RecordedPolicies;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger would have answered at a past instant: the pair's events up to then, judged under the
 * business settings in force then, by the same {@link PairStatus} as the live answer. Events are selected
 * by business time ({@code occurredAt}, the ledger clock), not by storage time.
 */
@Service
public class PointInTime {

    private final PairHistory history;
    private final EventStore eventStore;
    private final PolicyBook policies;
    private final RecordedPolicies recorded;

    public PointInTime(PairHistory history, EventStore eventStore, PolicyBook policies, RecordedPolicies recorded) {
        this.history = history;
        this.eventStore = eventStore;
        this.policies = policies;
        this.recorded = recorded;
    }

    public PairStatus statusAt(PairId pair, Instant at) {
        return PairStatus.of(pair, history.stateAsOf(pair, at), termsAt(pair.business(), at), at);
    }

    /**
     * The settings in force at {@code at}. A business that had not chosen a policy by then was on the default
     * recorded as in force then ({@code DefaultPolicyChanged}), not on today's configuration, so these answers
     * do not move when {@code ledger.policy.default} changes. A name means the numbers recorded for it.
     */
    public BusinessTerms termsAt(String business, Instant at) {
        String policy = null;
        CallbackPermission callback = CallbackPermission.DISABLED;
        String storedPolicy = null;
        CallbackPermission storedCallback = CallbackPermission.DISABLED;
        Instant policyAt = null;
        Instant callbackAt = null;
        var stream = eventStore.readEvents(BusinessSettingsAggregate.idOf(business), 0);
        while (stream.hasNext()) {
            if (!(stream.next().getPayload() instanceof BusinessSettingsChanged change)) {
                continue;
            }
            // Each event repeats the whole settings; only the field it changed is dated by it, since a late
            // platform fact is stored after a later policy change (R-FACT-TIME).
            Instant when = change.occurredAt();
            boolean dated = !when.isAfter(at);
            if (change.callbackPermission() != storedCallback && dated
                    && (callbackAt == null || !when.isBefore(callbackAt))) {
                callback = change.callbackPermission();
                callbackAt = when;
            }
            if (!Objects.equals(change.policy(), storedPolicy) && dated
                    && (policyAt == null || !when.isBefore(policyAt))) {
                policy = change.policy();
                policyAt = when;
            }
            storedCallback = change.callbackPermission();
            storedPolicy = change.policy();
        }
        String name = policy != null ? policy : recorded.defaultAt(at).orElse(null);
        return new BusinessTerms(name != null ? policies.byName(name) : policies.defaultPolicy(), callback);
    }
}
