package com.callpermissionledger.policy;

/** What a decision needs to know about the business number: its policy and its callback setting. */
public record BusinessTerms(Policy policy, CallbackPermission callbackPermission) {

    public boolean callbackEnabled() {
        return callbackPermission == CallbackPermission.ENABLED;
    }
}
