package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/**
 * Change a business number's settings; a null field keeps its current value. The policy is checked by
 * {@link PolicyBook}. {@code occurredAt} is when the platform changed the callback setting (R-FACT-TIME);
 * null means now.
 */
public record ChangeBusinessSettings(String business, CallbackPermission callbackPermission, String policy,
                                     Instant occurredAt) {
    public ChangeBusinessSettings {
        PairId.requireValidBusiness(business);
        if (policy != null && policy.isBlank()) {
            throw new IllegalArgumentException("a policy name must not be blank");
        }
    }

    public ChangeBusinessSettings(String business, CallbackPermission callbackPermission, String policy) {
        this(business, callbackPermission, policy, null);
    }

    public String settingsId() {
        return BusinessSettingsAggregate.idOf(business);
    }
}
