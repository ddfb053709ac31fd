package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;

/** Change a business number's settings; a null field keeps its current value. The policy is checked by {@link PolicyBook}. */
public record ChangeBusinessSettings(String business, CallbackPermission callbackPermission, String policy) {
    public ChangeBusinessSettings {
        PairId.requireValidBusiness(business);
        if (policy != null && policy.isBlank()) {
            throw new IllegalArgumentException("a policy name must not be blank");
        }
    }

    public String settingsId() {
        return BusinessSettingsAggregate.idOf(business);
    }
}
