package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.LedgerState;

import java.time.Duration;

/** Filters of the pair listing; null means "any". */
public record PairFilter(String business, String user, LedgerState state, Duration expiringWithin, Boolean warning) {
}
