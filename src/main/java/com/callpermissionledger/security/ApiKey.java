package com.callpermissionledger.security;

import java.util.Set;

/**
 * A configured key, held only as its SHA-256. {@code businesses} empty means every business number.
 */
public record ApiKey(String name, Role role, Set<String> businesses, byte[] sha256) {

    public ApiKey {
        businesses = Set.copyOf(businesses);
        sha256 = sha256.clone();
    }

    public boolean scoped() {
        return !businesses.isEmpty();
    }

    public boolean allowsBusiness(String business) {
        return businesses.isEmpty() || businesses.contains(business);
    }
}
