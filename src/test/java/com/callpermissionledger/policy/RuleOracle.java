package com.callpermissionledger.policy;

import com.callpermissionledger.policy.OracleState.Permission;
import com.callpermissionledger.policy.OracleState.Request;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;

import java.time.Instant;

/**
 * docs/rules.md, read again as a second, deliberately naive implementation: each command is judged from the
 * commands before it and the clock, and its effect is kept in {@link OracleState}. Nothing here reads a
 * production decision, state, status or event. The method for each command names the rules it follows.
 */
final class RuleOracle {

    /** What a command should come to: the outcome, and for a refusal its code and retryAt. */
    record Expected(Class<? extends Decision> kind, RejectionCode rejection, RefusalCode refusal, Instant retryAt) {
        static final Expected RECORDED = new Expected(Decision.Recorded.class, null, null, null);
        static final Expected UNCHANGED = new Expected(Decision.Unchanged.class, null, null, null);

        static Expected rejected(RejectionCode code) {
            return new Expected(Decision.Rejected.class, code, null, null);
        }

        static Expected refused(OracleState.Block block) {
            return new Expected(Decision.Refused.class, null, block.code(), block.retryAt());
        }
    }

    final OracleState s = new OracleState();

    /** Judges {@code command} at {@code now} under {@code terms}, and keeps what it changes. */
    Expected decide(PairCommand command, BusinessTerms terms, Instant now) {
        s.passTime(now);
        if (command instanceof ExpireDue) {
            return recordsIf(s.expiriesUnrecorded(now), now);
        }
        Expected expected = judge(command, terms, terms.policy(), now);
        if (expected.kind() == Decision.Recorded.class || expected.kind() == Decision.Refused.class) {
            s.recordedAt(now);
        }
        return expected;
    }

    private Expected recordsIf(boolean records, Instant now) {
        if (records) {
            s.recordedAt(now);
        }
        return records ? Expected.RECORDED : Expected.UNCHANGED;
    }

    private Expected judge(PairCommand command, BusinessTerms terms, Policy policy, Instant now) {
        if (command instanceof SendPermissionRequest c) {
            return send(c, policy, now);
        }
        if (command instanceof MarkRequestDelivered c) {
            return delivered(c, policy, now);
        }
        if (command instanceof RecordReply c) {
            return reply(c, policy, now);
        }
        if (command instanceof GrantPermission c) {
            return profileGrant(c, policy, now);
        }
        if (command instanceof RevokePermission) {
            return profileRevoke(now);
        }
        if (command instanceof PlaceCall c) {
            return place(c, policy, now);
        }
        if (command instanceof RecordCallOutcome c) {
            return outcome(c, policy, now);
        }
        if (command instanceof RecordUserCall c) {
            return userCall(c, terms, policy, now);
        }
        throw new AssertionError("no rule for " + command);
    }

    /** Idempotency (request id), R-REQUEST-WHILE-PERMANENT, R-REQUEST-24H, R-REQUEST-7D, R-REQUEST-EXPIRY. */
    private Expected send(SendPermissionRequest c, Policy policy, Instant now) {
        Request known = s.requests.get(c.requestId());
        if (known != null) {
            return known.sentThroughLedger && known.channel == c.channel() ? Expected.UNCHANGED
                    : Expected.rejected(RejectionCode.IDEMPOTENCY_CONFLICT);
        }
        var block = s.requestBlock(policy, now);
        if (block.isPresent()) {
            return Expected.refused(block.get());
        }
        Request r = learn(c.requestId(), now);
        r.sentThroughLedger = true;
        r.channel = c.channel();
        r.expiresAt = now.plus(policy.requestExpiry());
        if (s.permissionAt(now).isEmpty()) {
            s.lastChange = LedgerState.REQUESTED;
        }
        return Expected.RECORDED;
    }

    /** R-REQUEST-EXPIRY: a delivery moves the no-response clock, unless replied to or expired already. */
    private Expected delivered(MarkRequestDelivered c, Policy policy, Instant now) {
        Request known = s.requests.get(c.requestId());
        if (known != null && known.delivered) {
            return Expected.UNCHANGED;
        }
        Request r = known != null ? known : learn(c.requestId(), now);
        if (known == null || !known.replied && known.openAt(now)) {
            r.expiresAt = now.plus(policy.requestExpiry());
        }
        r.delivered = true;
        return Expected.RECORDED;
    }

    /** R-REQUEST-EXPIRY (first reply, superseding, expired grants nothing), R-REPLY-ACCEPT, R-REPLY-DECLINE. */
    private Expected reply(RecordReply c, Policy policy, Instant now) {
        Request known = s.requests.get(c.requestId());
        if (known != null && known.response == c.response() && known.permanent == c.permanent()) {
            return Expected.UNCHANGED;
        }
        if (known != null && !known.openAt(now)) {
            return new Expected(Decision.Refused.class, null, RefusalCode.REQUEST_EXPIRED, null);
        }
        Request r = known != null ? known : learn(c.requestId(), now);
        if (!r.replied) {
            r.expiresAt = now.plus(policy.requestExpiry());
        }
        r.replied = true;
        r.response = c.response();
        r.permanent = c.permanent();
        s.requests.values().stream().filter(o -> o != r && o.order < r.order && o.openAt(now))
                .forEach(o -> o.supersededAt = now);
        if (c.response() == ReplyResponse.ACCEPT) {
            grant(GrantSource.REQUEST, c.permanent(), policy, now);   // the latest word wins, even over permanent
        } else {
            s.permission = null;
            s.lastChange = LedgerState.DECLINED;
        }
        return Expected.RECORDED;
    }

    /** Requests the ledger did not send: counted from the moment it learns of them, newest of all. */
    private Request learn(String requestId, Instant now) {
        Request r = new Request();
        r.order = s.requests.size();
        s.requests.put(requestId, r);
        s.counted.add(now);
        return r;
    }

    /** R-PROFILE-GRANT: a duplicate only when the same permanent profile grant is in force. */
    private Expected profileGrant(GrantPermission c, Policy policy, Instant now) {
        boolean permanent = c.permanent() && policy.permanentPermissions();
        boolean same = permanent && s.permanentAt(now) && s.permission.source() == GrantSource.BUSINESS_PROFILE;
        if (same) {
            return Expected.UNCHANGED;
        }
        grant(GrantSource.BUSINESS_PROFILE, c.permanent(), policy, now);
        return Expected.RECORDED;
    }

    /** R-TEMPORARY-168H and R-PERMANENT (held as temporary without permanent permissions); a grant ends the run. */
    private void grant(GrantSource source, boolean permanentAsked, Policy policy, Instant now) {
        boolean permanent = permanentAsked && policy.permanentPermissions();
        s.permission = new Permission(source, permanent ? PermissionKind.PERMANENT : PermissionKind.TEMPORARY, now,
                permanent ? null : now.plus(policy.temporaryValidity()));
        s.lastChange = LedgerState.GRANTED;
        s.misses = 0;
        s.warning = false;
    }

    /** R-PROFILE-REVOKE. */
    private Expected profileRevoke(Instant now) {
        if (s.permissionAt(now).isEmpty()) {
            return Expected.UNCHANGED;
        }
        s.permission = null;
        s.lastChange = LedgerState.REVOKED;
        return Expected.RECORDED;
    }

    /** Idempotency (call id), R-PERMISSION-REQUIRED, R-CALL-CAP. A refused attempt does not claim its id. */
    private Expected place(PlaceCall c, Policy policy, Instant now) {
        if (s.placed.containsKey(c.callId())) {
            return Expected.UNCHANGED;
        }
        var block = s.callBlock(policy, now);
        if (block.isPresent()) {
            return Expected.refused(block.get());
        }
        s.placed.put(c.callId(), now);
        return Expected.RECORDED;
    }

    /** R-REQUEST-RESET, R-MISS-WARNING, R-MISS-REVOKE and the choices about the run of misses. */
    private Expected outcome(RecordCallOutcome c, Policy policy, Instant now) {
        if (!s.placed.containsKey(c.callId())) {
            return Expected.rejected(RejectionCode.UNKNOWN_CALL);
        }
        CallOutcome known = s.outcomes.get(c.callId());
        if (known != null) {
            return known == c.outcome() ? Expected.UNCHANGED : Expected.rejected(RejectionCode.OUTCOME_ALREADY_RECORDED);
        }
        s.outcomes.put(c.callId(), c.outcome());
        switch (c.outcome()) {
            case CONNECTED -> connected();
            case UNANSWERED, REJECTED -> s.misses++;
            case FAILED -> { }   // neither extends nor ends the run
        }
        if (c.outcome() != CallOutcome.CONNECTED) {
            if (s.misses >= policy.warnAfterMisses()) {
                s.warning = true;
            }
            if (s.misses >= policy.revokeAfterMisses() && s.permissionAt(now).isPresent()) {
                s.permission = null;
                s.lastChange = LedgerState.REVOKED;
            }
        }
        return Expected.RECORDED;
    }

    /** A connected call, whichever side called: ends the run and resets both request windows. */
    private void connected() {
        s.misses = 0;
        s.warning = false;
        s.counted.clear();
    }

    /** R-CALLBACK-GRANT: any user call grants when enabled, never replacing a permanent permission. */
    private Expected userCall(RecordUserCall c, BusinessTerms terms, Policy policy, Instant now) {
        UserCallOutcome known = s.userCalls.get(c.callId());
        if (known != null) {
            return known == c.outcome() ? Expected.UNCHANGED : Expected.rejected(RejectionCode.IDEMPOTENCY_CONFLICT);
        }
        s.userCalls.put(c.callId(), c.outcome());
        if (c.outcome() == UserCallOutcome.CONNECTED) {
            connected();
        }
        if (terms.callbackEnabled() && !s.permanentAt(now)) {
            grant(GrantSource.CALLBACK, false, policy, now);
        }
        return Expected.RECORDED;
    }
}
