package com.callpermissionledger.api.pair;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.state.RequestRecord;

import java.time.Instant;

/** One permission request with its current status and the pair's ledger summary. */
public record RequestView(String requestId, String status, Channel channel, Instant sentAt, Instant deliveredAt,
                          ReplyResponse response, boolean permanent, Instant repliedAt, Instant expiresAt,
                          Instant expiredAt, RequestExpiryReason expiryReason, LedgerView ledger) {

    static RequestView of(RequestRecord r, Instant now, LedgerView ledger) {
        String status = !r.openAt(now) ? "EXPIRED"
                : r.response() == null ? "PENDING"
                : r.response() == ReplyResponse.ACCEPT ? "ACCEPTED" : "DECLINED";
        return new RequestView(r.requestId(), status, r.channel(), r.sentAt(), r.deliveredAt(), r.response(),
                r.permanent(), r.repliedAt(), r.expiresAt(), r.expiredAt(), r.expiryReason(), ledger);
    }
}
