package com.callpermissionledger.settings;

import com.callpermissionledger.policy.EventRevision;

import java.time.Instant;

/**
 * The configured default policy ({@code ledger.policy.default}) in force from {@code occurredAt}, recorded at
 * start-up when it differs from the last one recorded, so past answers keep the default they were given under.
 */
@EventRevision("1")
public record DefaultPolicyChanged(String policy, Instant occurredAt) {
}
