package com.callpermissionledger.policy;

import java.time.Duration;

/**
 * One named set of platform limits. The platform changed these numbers twice in two months, so they
 * are parameters, and every decision event records the name of the policy it was made under.
 */
public record Policy(
        String name,
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

    public Policy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy needs a name");
        }
        if (callCap < 1 || requestCapShort < 1 || requestCapLong < 1) {
            throw new IllegalArgumentException("caps must be at least 1");
        }
        if (warnAfterMisses < 1 || revokeAfterMisses < warnAfterMisses) {
            throw new IllegalArgumentException("revocation must not come before the warning");
        }
    }
}
