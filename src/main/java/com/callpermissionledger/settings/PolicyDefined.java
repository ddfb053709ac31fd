package com.callpermissionledger.settings;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.Policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A policy's numbers, recorded the first time the policy is used (chosen as the default or by a business).
 * From then on the name stands for exactly these numbers, so every decision event naming it stays explainable.
 */
@EventRevision("1")
public record PolicyDefined(
        String name,
        Instant occurredAt,
        boolean permanentPermissions,
        Duration temporaryValidity,
        int callCap,
        Duration callWindow,
        int requestCapShort,
        Duration requestWindowShort,
        int requestCapLong,
        Duration requestWindowLong,
        int warnAfterMisses,
        int revokeAfterMisses,
        Duration requestExpiry) {

    public static PolicyDefined of(Policy p, Instant at) {
        return new PolicyDefined(p.name(), at, p.permanentPermissions(), p.temporaryValidity(), p.callCap(),
                p.callWindow(), p.requestCapShort(), p.requestWindowShort(), p.requestCapLong(),
                p.requestWindowLong(), p.warnAfterMisses(), p.revokeAfterMisses(), p.requestExpiry());
    }

    public Policy policy() {
        return new Policy(name, permanentPermissions, temporaryValidity, callCap, callWindow, requestCapShort,
                requestWindowShort, requestCapLong, requestWindowLong, warnAfterMisses, revokeAfterMisses,
                requestExpiry);
    }
}
