package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestFailed;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.rule.FailedRequestSlot;
import com.callpermissionledger.policy.rule.RequestExpiry;
import com.callpermissionledger.policy.rule.RequestLimit24h;
import com.callpermissionledger.policy.rule.RequestLimit7d;
import com.callpermissionledger.policy.rule.RequestWhilePermanent;
import com.callpermissionledger.policy.rule.TemporaryValidity;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.RequestRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decisions about permission requests: sending, delivery and the user's reply. */
final class RequestDecisions {

    private RequestDecisions() {
    }

    static Decision send(PairState s, SendPermissionRequest c, Policy policy, Instant now) {
        RequestRecord known = s.requests().get(c.requestId());
        if (known != null) {
            return known.sentThroughLedger() && known.channel() == c.channel() ? new Decision.Unchanged()
                    : new Decision.Rejected(RejectionCode.IDEMPOTENCY_CONFLICT, "Request id " + c.requestId()
                    + " is already recorded with other content; send a new request with a new id.");
        }
        Optional<Refusal> refusal = RequestWhilePermanent.check(s, now).or(() -> windowRefusal(s, policy, now));
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            return new Decision.Refused(List.of(new PermissionRequestRefused(c.pairId(), now, c.requestId(),
                    c.channel(), r.code(), r.rule().id(), r.retryAt(), r.evidence(), policy.name())), r);
        }
        return new Decision.Recorded(List.of(new PermissionRequested(c.pairId(), now, c.requestId(), c.channel(),
                RequestExpiry.afterSending(policy, now), policy.name())));
    }

    /** When both windows are full, the one that frees later is the honest answer to "when can I retry?". */
    static Optional<Refusal> windowRefusal(PairState s, Policy policy, Instant now) {
        Optional<Refusal> day = RequestLimit24h.check(s, policy, now);
        Optional<Refusal> week = RequestLimit7d.check(s, policy, now);
        if (day.isPresent() && week.isPresent()) {
            return day.get().retryAt().isAfter(week.get().retryAt()) ? day : week;
        }
        return day.or(() -> week);
    }

    static Decision delivered(PairState s, MarkRequestDelivered c, Policy policy, Instant now) {
        RequestRecord known = s.requests().get(c.requestId());
        if (known != null && known.deliveredAt() != null) {
            return new Decision.Unchanged();
        }
        Instant expiresAt = known != null && known.expired() ? known.expiresAt()
                : RequestExpiry.afterDelivery(policy, known, now);
        return new Decision.Recorded(List.of(
                new PermissionRequestDelivered(c.pairId(), now, c.requestId(), expiresAt, known == null)));
    }

    static Decision reply(PairState s, RecordReply c, Policy policy, Instant now) {
        RequestRecord known = s.requests().get(c.requestId());
        if (known != null && known.response() == c.response() && known.permanent() == c.permanent()) {
            return new Decision.Unchanged();
        }
        if (known != null && known.expired() && !now.isBefore(known.expiredAt())) {
            Refusal refusal = new Refusal(RefusalCode.REQUEST_EXPIRED, RuleId.REQUEST_EXPIRY,
                    "Rule R-REQUEST-EXPIRY: request " + c.requestId() + " expired at " + known.expiredAt() + " ("
                            + known.expiryReason() + "); a reply to it grants nothing. Send a new permission request.",
                    null, List.of(known.expiredAt()));
            return new Decision.Refused(List.of(new PermissionReplyRefused(c.pairId(), now, c.requestId(),
                    c.response(), c.permanent(), known.expiredAt(), RuleId.REQUEST_EXPIRY.id())), refusal);
        }
        long order = known != null ? known.order() : s.requests().size();
        List<PairEvent> events = new ArrayList<>();
        events.add(new PermissionReplyRecorded(c.pairId(), now, c.requestId(), c.response(), c.permanent(),
                RequestExpiry.afterReply(policy, known, now), known == null));
        events.addAll(RequestExpiry.supersededBy(c.pairId(), s, known, order, now));
        if (c.response() == ReplyResponse.ACCEPT) {
            // R-REPLY-ACCEPT: the user's latest explicit word wins, so a temporary acceptance replaces a permanent one
            PermissionKind kind = TemporaryValidity.kindFor(c.permanent(), policy);
            Instant expiresAt = TemporaryValidity.expiresAt(kind, policy, now);
            if (!FactTime.outlasted(s, now, expiresAt)) {
                events.add(new PermissionGranted(c.pairId(), now, GrantSource.REQUEST, kind, expiresAt,
                        c.requestId(), policy.name(), RuleId.REPLY_ACCEPT.id()));
                PlatformDecisions.expiryDivergence(c.pairId(), now, c.platformExpiresAt(), expiresAt, c.requestId(),
                        policy).ifPresent(events::add);
            }
        } else if (FactTime.heldAt(s, now).isPresent()) {
            events.add(new PermissionRevoked(c.pairId(), now, RevocationSource.DECLINE, policy.name(),
                    RuleId.REPLY_DECLINE.id()));
        }
        return new Decision.Recorded(events);
    }

    /** A failed request can never be answered and frees its place in the windows; reporting it again changes nothing. */
    static Decision failed(PairState s, MarkRequestFailed c, Instant now) {
        RequestRecord known = s.requests().get(c.requestId());
        if (known != null && known.expiryReason() == RequestExpiryReason.FAILED) {
            return new Decision.Unchanged();
        }
        List<PairEvent> events = new ArrayList<>();
        events.add(new PermissionRequestFailed(c.pairId(), now, c.requestId(), known == null));
        FailedRequestSlot.freedBy(c.pairId(), s, c.requestId(), now).ifPresent(events::add);
        return new Decision.Recorded(events);
    }
}
