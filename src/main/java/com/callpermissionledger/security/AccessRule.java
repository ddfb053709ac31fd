package com.callpermissionledger.security;

import java.util.Set;

/**
 * One row of the role table: which roles may send {@code method} to a path matching {@code path} (a Spring
 * path pattern, matched on the path Spring MVC routes), and how the business scope of a limited key is
 * checked. {@code GET} rows also cover {@code HEAD}. {@code parameter}, when not null, narrows the row to
 * requests that carry that query parameter (the handler reads it). Open rows have no roles.
 */
public record AccessRule(String method, String path, String parameter, Set<Role> roles, Scope scope) {

    public AccessRule {
        roles = Set.copyOf(roles);
        if ((scope == Scope.OPEN) != roles.isEmpty()) {
            throw new IllegalArgumentException("open rows, and only they, name no role: " + method + " " + path);
        }
        if (scope == Scope.PATH && !path.contains("{business}")) {
            throw new IllegalArgumentException("a PATH-scoped row needs a {business} variable: " + path);
        }
    }

    public boolean open() {
        return scope == Scope.OPEN;
    }

    /** The decision for a key (null: none, or not a known one) on a request this row matched. */
    public Verdict decide(ApiKey key, String pathBusiness, java.util.List<String> businessParameter) {
        if (open()) {
            return Verdict.ALLOWED;
        }
        if (key == null) {
            return Verdict.UNAUTHENTICATED;
        }
        if (!roles.contains(key.role())) {
            return Verdict.FORBIDDEN;
        }
        if (!key.scoped()) {
            return Verdict.ALLOWED;
        }
        boolean inScope = switch (scope) {
            case PATH -> pathBusiness != null && key.allowsBusiness(pathBusiness);
            case QUERY -> businessParameter != null && businessParameter.size() == 1
                    && key.allowsBusiness(businessParameter.get(0));
            case BODY, OPEN -> true;
            case LEDGER, SIGNATURE -> false;
        };
        return inScope ? Verdict.ALLOWED : Verdict.BUSINESS_NOT_ALLOWED;
    }

    public enum Verdict { ALLOWED, UNAUTHENTICATED, FORBIDDEN, BUSINESS_NOT_ALLOWED }
}
