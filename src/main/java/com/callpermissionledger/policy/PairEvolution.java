package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequestFailed;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.RequestSlotFreed;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.callpermissionledger.policy.rule.UnansweredRun;
import com.callpermissionledger.policy.state.CallRecord;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;
import com.callpermissionledger.policy.state.RequestRecord;

/**
 * {@code evolve(state, event)}: applies what an event says and decides nothing. Refusals change no
 * state beyond the last activity; they are history for auditors.
 */
public final class PairEvolution {

    private PairEvolution() {
    }

    public static PairState fold(PairState state, Iterable<? extends PairEvent> events) {
        PairState s = state;
        for (PairEvent e : events) {
            s = evolve(s, e);
        }
        return s;
    }

    public static PairState evolve(PairState state, PairEvent event) {
        StateDraft d = new StateDraft(state);
        if (d.lastActivityAt == null || event.occurredAt().isAfter(d.lastActivityAt)) {
            d.lastActivityAt = event.occurredAt();
        }
        if (event.policy() != null) {
            d.policy = event.policy();
        }
        if (event instanceof PermissionRequested e) {
            d.requests.put(e.requestId(), new RequestRecord(e.requestId(), e.channel(), e.occurredAt(), null, null,
                    false, null, e.expiresAt(), null, null, d.requests.size()));
            d.countedRequests.add(e.occurredAt());
            if (d.permission == null) {
                d.lastChange = LedgerState.REQUESTED;
            }
        } else if (event instanceof PermissionRequestDelivered e) {
            d.request(e.requestId(), e.learned(), e.occurredAt())
                    .ifPresent(r -> d.requests.put(r.requestId(), r.withDelivery(e.occurredAt(), e.expiresAt())));
        } else if (event instanceof PermissionReplyRecorded e) {
            d.request(e.requestId(), e.learned(), e.occurredAt()).ifPresent(r -> d.requests.put(r.requestId(),
                    r.withReply(e.response(), e.permanent(), e.occurredAt(), e.expiresAt())));
            if (e.response() == ReplyResponse.REJECT) {
                d.lastChange = LedgerState.DECLINED;
            }
        } else if (event instanceof PermissionRequestExpired e) {
            d.request(e.requestId(), false, e.occurredAt())
                    .ifPresent(r -> d.requests.put(r.requestId(), r.withExpiry(e.occurredAt(), e.reason())));
        } else if (event instanceof PermissionGranted e) {
            d.permissionEnds(e.occurredAt());
            d.permission = new PermissionGrant(e.source(), e.kind(), e.occurredAt(), e.expiresAt(), e.reference(),
                    e.policy());
            d.lastChange = LedgerState.GRANTED;
            // a new grant ends the run; misses dated after a grant reported late stay in it (R-FACT-TIME)
            d.missesBecome(UnansweredRun.endedAt(state, e.occurredAt()));
            d.runEndedAt(e.occurredAt());
        } else if (event instanceof PermissionRevoked e) {
            d.permissionEnds(e.occurredAt());
            d.lastChange = e.source() == RevocationSource.DECLINE ? LedgerState.DECLINED : LedgerState.REVOKED;
        } else if (event instanceof PermissionExpired e) {
            d.permissionEnds(e.occurredAt());
            d.lastChange = LedgerState.EXPIRED;
        } else if (event instanceof CallPlaced e) {
            d.calls.put(e.callId(), new CallRecord(e.callId(), e.occurredAt(), null, null));
        } else if (event instanceof CallOutcomeRecorded e) {
            CallRecord call = d.calls.get(e.callId());
            d.calls.put(e.callId(), new CallRecord(e.callId(), call == null ? e.occurredAt() : call.placedAt(),
                    e.outcome(), e.occurredAt()));
            d.missesBecome(e.consecutiveMisses());
            if (e.outcome() == CallOutcome.CONNECTED) {
                d.runEndedAt(e.occurredAt());
            }
        } else if (event instanceof UserCallRecorded e) {
            d.userCalls.put(e.callId(), e.outcome());
            d.missesBecome(e.consecutiveMisses());
            if (e.outcome() == UserCallOutcome.CONNECTED) {
                d.runEndedAt(e.occurredAt());
            }
        } else if (event instanceof RequestLimitsReset e) {
            // a reset reported late frees only the requests counted up to the instant the call connected
            d.countedRequests.removeIf(t -> !t.isAfter(e.occurredAt()));
        } else if (event instanceof PermissionRequestFailed e) {
            RequestRecord known = d.requests.get(e.requestId());
            RequestRecord failed = known != null ? known : RequestRecord.learned(e.requestId(), d.requests.size());
            d.requests.put(e.requestId(), failed.withExpiry(e.occurredAt(), RequestExpiryReason.FAILED));
        } else if (event instanceof RequestSlotFreed e) {
            d.countedRequests.remove(e.countedAt());
        } else if (event instanceof UnansweredCallsWarningRaised) {
            d.warning = true;
        }
        return d.build();
    }
}
