package com.callpermissionledger.pair;

import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.PolicyCatalog;

import java.util.ArrayList;
import java.util.List;

/** The business terms a test wants in force; remembers which business numbers were asked about. */
public final class MutableTerms implements BusinessTermsSource {

    private Policy policy = PolicyCatalog.WHATSAPP_V1;
    private CallbackPermission callback = CallbackPermission.DISABLED;
    private final List<String> askedFor = new ArrayList<>();

    public MutableTerms policy(Policy policy) {
        this.policy = policy;
        return this;
    }

    public MutableTerms callback(CallbackPermission callback) {
        this.callback = callback;
        return this;
    }

    public List<String> askedFor() {
        return List.copyOf(askedFor);
    }

    @Override
    public BusinessTerms termsFor(String business) {
        askedFor.add(business);
        return new BusinessTerms(policy, callback);
    }
}
