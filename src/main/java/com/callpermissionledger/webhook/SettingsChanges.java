package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.FactTime;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.settings.BusinessSettings;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * An {@code account_settings_update} change becomes the business's callback setting, dated like every other
 * fact by the platform (R-FACT-TIME): the value's {@code timestamp}, else the entry's {@code time}.
 */
@Component
class SettingsChanges {

    private final BusinessSettings settings;
    private final Clock clock;

    SettingsChanges(BusinessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** True when recorded, false when unchanged, null when the change says nothing about the callback setting. */
    Boolean change(SettingsValue value, JsonNode entryTime) {
        var number = value.phoneNumberSettings();
        if (number == null || number.calling() == null || number.calling().callbackPermissionStatus() == null) {
            return null;
        }
        PairId.requireValidBusiness(number.phoneNumberId());
        CallbackPermission callback = switch (number.calling().callbackPermissionStatus().toUpperCase(Locale.ROOT)) {
            case "ENABLED" -> CallbackPermission.ENABLED;
            case "DISABLED", "NOT_SET" -> CallbackPermission.DISABLED;
            default -> throw new BadChangeException("unknown callback_permission_status "
                    + number.calling().callbackPermissionStatus());
        };
        Instant at = PlatformTime.of(value.timestamp(), "timestamp");
        if (at == null) {
            at = PlatformTime.required(entryTime, "timestamp (or the entry's time)");
        }
        FactTime.inFuture(at, clock.instant()).ifPresent(refused -> {
            throw new BadChangeException(refused.code() + ": " + refused.detail());
        });
        return settings.reportCallback(number.phoneNumberId(), callback, at);
    }
}
