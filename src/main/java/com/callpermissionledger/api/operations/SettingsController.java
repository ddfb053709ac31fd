package com.callpermissionledger.api.operations;

import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.settings.BusinessSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A business number's callback setting and policy. */
@RestController
@RequestMapping("/api/v1/businesses/{business}/settings")
public class SettingsController {

    private final BusinessSettings settings;

    public SettingsController(BusinessSettings settings) {
        this.settings = settings;
    }

    record SettingsBody(CallbackPermission callbackPermission, String policy) {
    }

    public record SettingsView(String business, CallbackPermission callbackPermission, String policy) {
        static SettingsView of(String business, BusinessTerms terms) {
            return new SettingsView(business, terms.callbackPermission(), terms.policy().name());
        }
    }

    @GetMapping
    public SettingsView get(@PathVariable String business) {
        PairId.requireValidBusiness(business);
        return SettingsView.of(business, settings.termsFor(business));
    }

    @PutMapping
    public SettingsView put(@PathVariable String business, @RequestBody SettingsBody body) {
        return SettingsView.of(business, settings.change(business, body.callbackPermission(), body.policy()));
    }
}
