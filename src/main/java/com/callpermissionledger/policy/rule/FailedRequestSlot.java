package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.RequestSlotFreed;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.RequestRecord;

import java.time.Instant;
import java.util.Optional;

/**
 * R-REQUEST-FAILED (choice): a request the platform reports {@code failed} never reached the user, so it frees
 * its place in the request windows. One that was delivered or answered did reach the user and keeps counting;
 * one already freed by a connected call (R-REQUEST-RESET) has no place left to free.
 */
public final class FailedRequestSlot {

    private FailedRequestSlot() {
    }

    public static Optional<RequestSlotFreed> freedBy(PairId pair, PairState state, String requestId, Instant at) {
        RequestRecord request = state.requests().get(requestId);
        if (request == null || !request.sentThroughLedger() || request.deliveredAt() != null
                || request.response() != null || !state.countedRequests().contains(request.sentAt())) {
            return Optional.empty();
        }
        return Optional.of(new RequestSlotFreed(pair, at, requestId, request.sentAt(), RuleId.REQUEST_FAILED.id()));
    }
}
