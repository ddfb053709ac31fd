package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.RequestRecord;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * R-REQUEST-EXPIRY: a request expires 7 days after delivery without a reply (7 days after sending when no
 * delivery is ever reported), 7 days after the first reply, or when the user answers a newer request.
 */
public final class RequestExpiry {

    private RequestExpiry() {
    }

    public static Instant afterSending(Policy policy, Instant sentAt) {
        return sentAt.plus(policy.requestExpiry());
    }

    /** A delivery restarts the no-response clock, unless the user already replied. */
    public static Instant afterDelivery(Policy policy, RequestRecord request, Instant deliveredAt) {
        return request != null && request.repliedAt() != null ? request.expiresAt()
                : deliveredAt.plus(policy.requestExpiry());
    }

    /** The first reply fixes the expiry; changing one's mind later does not extend it. */
    public static Instant afterReply(Policy policy, RequestRecord request, Instant repliedAt) {
        return request != null && request.repliedAt() != null ? request.expiresAt()
                : repliedAt.plus(policy.requestExpiry());
    }

    /** Requests whose time ran out by {@code now}, each dated at the instant it fell due. */
    public static List<PermissionRequestExpired> due(PairId pair, PairState state, Instant now) {
        return state.requests().values().stream()
                .filter(r -> !r.expired() && r.expiresAt() != null && !now.isBefore(r.expiresAt()))
                .sorted(Comparator.comparing(RequestRecord::expiresAt).thenComparing(RequestRecord::order))
                .map(r -> new PermissionRequestExpired(pair, r.expiresAt(), r.requestId(),
                        r.repliedAt() != null ? RequestExpiryReason.AFTER_REPLY : RequestExpiryReason.NO_RESPONSE,
                        RuleId.REQUEST_EXPIRY.id()))
                .toList();
    }

    /** Open requests older than the one the user just answered: answering a newer request expires them. */
    public static List<PermissionRequestExpired> supersededBy(PairId pair, PairState state, RequestRecord answered,
                                                              long answeredOrder, Instant now) {
        return state.requests().values().stream()
                .filter(r -> !r.expired() && r.order() < answeredOrder
                        && (answered == null || !r.requestId().equals(answered.requestId())))
                .sorted(Comparator.comparing(RequestRecord::order))
                .map(r -> new PermissionRequestExpired(pair, now, r.requestId(),
                        RequestExpiryReason.SUPERSEDED, RuleId.REQUEST_EXPIRY.id()))
                .toList();
    }
}
