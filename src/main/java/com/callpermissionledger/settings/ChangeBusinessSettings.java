package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PolicyCatalog;

/** Change a business number's settings; a null field keeps its current value. */
public record ChangeBusinessSettings(String business, CallbackPermission callbackPermission, String policy) {
    public ChangeBusinessSettings {
        PairId.requireValidBusiness(business);
        if (policy != null) {
            PolicyCatalog.require(policy);
        }
    }

    public String settingsId() {
        return BusinessSettingsAggregate.idOf(business);
    }
}
