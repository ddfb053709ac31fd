package com.callpermissionledger.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks a presented key against the known hashes ({@link ApiKeys}, constant time); never says which part failed. */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;

    public ApiKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object secret = authentication.getCredentials();
        return keys.authenticate(secret instanceof String s ? s : null).map(ApiKeyAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
