package com.callpermissionledger.config;

import com.callpermissionledger.policy.Policy;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * One operator-defined policy, {@code ledger.policies.<name>.*}. Every number is required: a policy is
 * explained by what its configuration says, never by a default that a later release might change.
 */
public record PolicyDefinition(
        @NotNull Boolean permanentPermissions,
        @NotNull Duration temporaryValidity,
        @NotNull @Min(1) Integer callCap,
        @NotNull Duration callWindow,
        @NotNull @Min(1) Integer requestCapShort,
        @NotNull Duration requestWindowShort,
        @NotNull @Min(1) Integer requestCapLong,
        @NotNull Duration requestWindowLong,
        @NotNull @Min(1) Integer warnAfterMisses,
        @NotNull @Min(1) Integer revokeAfterMisses,
        @NotNull Duration requestExpiry) {

    @AssertTrue(message = "every duration of a policy must be positive")
    public boolean isDurationsPositive() {
        return Stream.of(temporaryValidity, callWindow, requestWindowShort, requestWindowLong, requestExpiry)
                .allMatch(d -> d == null || (!d.isNegative() && !d.isZero()));
    }

    @AssertTrue(message = "revoke-after-misses must not be below warn-after-misses")
    public boolean isRevocationAfterWarning() {
        return warnAfterMisses == null || revokeAfterMisses == null || revokeAfterMisses >= warnAfterMisses;
    }

    public Policy toPolicy(String name) {
        return new Policy(name, permanentPermissions, temporaryValidity, callCap, callWindow, requestCapShort,
                requestWindowShort, requestCapLong, requestWindowLong, warnAfterMisses, revokeAfterMisses,
                requestExpiry);
    }
}
