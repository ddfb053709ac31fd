package com.callpermissionledger.api.problem;

import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.Scope;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A denied authorization that says why, so the answer can carry the exact code: the key's role is not in
 * the row ({@code FORBIDDEN}), the business is not one of the key's ({@code BUSINESS_NOT_ALLOWED}), or no
 * row of the role table matches at all ({@code NOT_FOUND}, or {@code METHOD_NOT_ALLOWED} when the path has
 * rows for other methods), so that nothing the table does not list reaches a handler.
 */
public final class KeyRefusal extends AuthorizationDecision {

    public enum Reason { FORBIDDEN, BUSINESS_NOT_ALLOWED, NOT_FOUND, METHOD_NOT_ALLOWED }

    private final Reason reason;
    private final transient ApiKey key;
    private final Scope scope;

    public KeyRefusal(Reason reason, ApiKey key, Scope scope) {
        super(false);
        this.reason = reason;
        this.key = key;
        this.scope = scope;
    }

    Reason reason() {
        return reason;
    }

    ApiKey key() {
        return key;
    }

    Scope scope() {
        return scope;
    }
}
