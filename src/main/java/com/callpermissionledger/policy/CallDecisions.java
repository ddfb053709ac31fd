package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.callpermissionledger.policy.rule.CallCap;
import com.callpermissionledger.policy.rule.PermissionRequired;
import com.callpermissionledger.policy.rule.RequestReset;
import com.callpermissionledger.policy.rule.TemporaryValidity;
import com.callpermissionledger.policy.rule.UnansweredRun;
import com.callpermissionledger.policy.state.CallRecord;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decisions about calls: placing one, its outcome, and calls the user makes to the business. */
final class CallDecisions {

    private CallDecisions() {
    }

    static Decision place(PairState s, PlaceCall c, Policy policy, Instant now) {
        if (s.calls().containsKey(c.callId())) {
            return new Decision.Unchanged();
        }
        Optional<Refusal> refusal = PermissionRequired.check(s, now).or(() -> CallCap.check(s, policy, now));
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            return new Decision.Refused(List.of(new CallRefused(c.pairId(), now, c.callId(), r.code(), r.rule().id(),
                    r.retryAt(), r.evidence(), policy.name())), r);
        }
        return new Decision.Recorded(List.of(new CallPlaced(c.pairId(), now, c.callId(), policy.name())));
    }

    static Decision outcome(PairState s, RecordCallOutcome c, Policy policy, Instant now) {
        CallRecord call = s.calls().get(c.callId());
        if (call == null && !c.fromPlatform()) {
            return new Decision.Rejected(RejectionCode.UNKNOWN_CALL, "No call " + c.callId()
                    + " was placed through the ledger for this pair; place calls with POST .../calls first.");
        }
        if (call != null && call.outcome() != null) {
            return call.outcome() == c.outcome() ? new Decision.Unchanged()
                    : new Decision.Rejected(RejectionCode.OUTCOME_ALREADY_RECORDED, "Call " + c.callId()
                    + " already ended as " + call.outcome() + " at " + call.outcomeAt() + "; an outcome is recorded once.");
        }
        int misses = UnansweredRun.after(s, c.outcome(), now);
        List<PairEvent> events = new ArrayList<>();
        events.add(new CallOutcomeRecorded(c.pairId(), now, c.callId(), c.outcome(), misses));
        if (c.outcome() == CallOutcome.CONNECTED) {
            RequestReset.afterConnectedCall(c.pairId(), s, c.callId(), now).ifPresent(events::add);
            if (call == null) {
                PlatformDecisions.callDivergence(s, c, policy, now).ifPresent(events::add);
            }
        } else if (UnansweredRun.counts(s, now)) {
            events.addAll(UnansweredRun.consequences(c.pairId(), s, policy, misses, now));
        }
        return new Decision.Recorded(events);
    }

    /** R-CALLBACK-GRANT: any call from the user, answered or not, grants a temporary permission when enabled. */
    static Decision userCall(PairState s, RecordUserCall c, BusinessTerms terms, Instant now) {
        UserCallOutcome known = s.userCalls().get(c.callId());
        if (known != null) {
            return known == c.outcome() ? new Decision.Unchanged()
                    : new Decision.Rejected(RejectionCode.IDEMPOTENCY_CONFLICT, "User call " + c.callId()
                    + " is already recorded as " + known + "; a call has one outcome.");
        }
        Policy policy = terms.policy();
        boolean connected = c.outcome() == UserCallOutcome.CONNECTED;
        List<PairEvent> events = new ArrayList<>();
        events.add(new UserCallRecorded(c.pairId(), now, c.callId(), c.outcome(),
                connected ? UnansweredRun.endedAt(s, now) : s.consecutiveMisses()));
        if (connected) {
            RequestReset.afterConnectedCall(c.pairId(), s, c.callId(), now).ifPresent(events::add);
        }
        Instant expiresAt = TemporaryValidity.expiresAt(PermissionKind.TEMPORARY, policy, now);
        if (terms.callbackEnabled() && !s.holdsPermanentPermission(now)
                && !PlatformDecisions.grantedByCall(s, c.callId()) && !FactTime.outlasted(s, now, expiresAt)) {
            events.add(new PermissionGranted(c.pairId(), now, GrantSource.CALLBACK, PermissionKind.TEMPORARY,
                    expiresAt, c.callId(), policy.name(), RuleId.CALLBACK_GRANT.id()));
        }
        return new Decision.Recorded(events);
    }
}
