package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.EventRevision;

import java.time.Instant;

/** A business number's settings after a change; {@code policy} is null while the configured default applies. */
@EventRevision("1")
public record BusinessSettingsChanged(
        String business,
        Instant occurredAt,
        CallbackPermission callbackPermission,
        String policy) {
}
