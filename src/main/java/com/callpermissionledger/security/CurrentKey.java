package com.callpermissionledger.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The key the current request was authenticated with, read from Spring Security's context. */
public final class CurrentKey {

    private CurrentKey() {
    }

    public static Optional<ApiKey> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ApiKeyAuthentication key && key.isAuthenticated() ? key.key() : Optional.empty();
    }

    /** Whether the current key may act on {@code business}: true for a key limited to no business number. */
    public static boolean allowsBusiness(String business) {
        return get().map(key -> key.allowsBusiness(business)).orElse(false);
    }
}
