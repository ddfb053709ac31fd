package com.callpermissionledger.pair;

import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.state.PairState;

/** What a command handler answers: the decision and the pair's state once its events are applied. */
public record PairOutcome(Decision decision, PairState state) {
}
