package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/**
 * Every fact and decision in a pair's history. These records are the storage format: renaming or
 * retyping a component is a migration (raise {@code @EventRevision} and add an upcaster).
 * {@code occurredAt} is business time: for an expiry, the instant it fell due, not when it was noticed.
 */
public sealed interface PairEvent permits PermissionRequested, PermissionRequestRefused,
        PermissionRequestDelivered, PermissionReplyRecorded, PermissionReplyRefused, PermissionGranted,
        PermissionRevoked, PermissionExpired, PermissionRequestExpired, CallPlaced, CallRefused,
        CallOutcomeRecorded, UserCallRecorded, RequestLimitsReset, UnansweredCallsWarningRaised,
        PermissionRequestFailed, PlatformDivergenceRecorded, RequestSlotFreed {

    PairId pairId();

    Instant occurredAt();

    /** The rule id of docs/rules.md that made this decision, or null for a plain fact. */
    default String rule() {
        return null;
    }

    /** The policy the decision was made under, or null for a plain fact. */
    default String policy() {
        return null;
    }
}
