package com.callpermissionledger.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;
import java.util.Optional;

/**
 * An {@code X-Api-Key} as Spring Security sees it: before the check, only the presented secret; after it,
 * the known key (its name, role and business numbers) with its role as the one authority.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient ApiKey key;
    private String presented;

    private ApiKeyAuthentication(String presented) {
        super(List.of());
        this.key = null;
        this.presented = presented;
    }

    private ApiKeyAuthentication(ApiKey key) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + key.role().name())));
        this.key = key;
        setAuthenticated(true);
    }

    public static ApiKeyAuthentication presented(String secret) {
        return new ApiKeyAuthentication(secret);
    }

    static ApiKeyAuthentication of(ApiKey key) {
        return new ApiKeyAuthentication(key);
    }

    /** The known key, once authenticated. */
    public Optional<ApiKey> key() {
        return Optional.ofNullable(key);
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return key != null ? key.name() : null;
    }

    @Override
    public String getName() {
        return key != null ? key.name() : "";
    }

    @Override
    public void eraseCredentials() {
        presented = null;
        super.eraseCredentials();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyAuthentication a && super.equals(a) && java.util.Objects.equals(key, a.key);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
