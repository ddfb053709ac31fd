package com.callpermissionledger.api.problem;

import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.Scope;

/** A handler found that the business its body names is not one of the limited key's. */
public class BusinessNotAllowedException extends RuntimeException {

    private final transient ApiKey key;
    private final Scope scope;

    public BusinessNotAllowedException(ApiKey key, Scope scope) {
        super("business not allowed for key " + key.name());
        this.key = key;
        this.scope = scope;
    }

    ApiKey key() {
        return key;
    }

    Scope scope() {
        return scope;
    }
}
