package com.callpermissionledger.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.ArrayList;
import java.util.List;

/** {@code ledger.security.*}: the API keys, where a generated key's hash is kept, and the rate limit. */
@Validated
@ConfigurationProperties("ledger.security")
public class SecurityProperties {

    @Valid
    private List<ConfiguredKey> apiKeys = new ArrayList<>();
    /** Where the hash of the key generated at first start is kept when no key is configured. */
    @NotBlank
    private String generatedKeyFile = "./data/generated-admin-key.sha256";
    @Valid
    private final RateLimit rateLimit = new RateLimit();

    public List<ConfiguredKey> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<ConfiguredKey> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public String getGeneratedKeyFile() {
        return generatedKeyFile;
    }

    public void setGeneratedKeyFile(String generatedKeyFile) {
        this.generatedKeyFile = generatedKeyFile;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public static class ConfiguredKey {
        /** The key in clear, or {@code {sha256}<64 hex digits>}. */
        @NotBlank
        private String key;
        @NotNull
        private Role role;
        /** Comma-separated business numbers the key is limited to; absent means all. */
        private String businesses;
        /** Recorded in the metadata of every event the key causes. */
        private String name;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public String getBusinesses() {
            return businesses;
        }

        public void setBusinesses(String businesses) {
            this.businesses = businesses;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    public static class RateLimit {
        /** Requests per second per key, on average; bursts up to one second's worth. */
        @Positive
        private double perSecond = 200;

        public double getPerSecond() {
            return perSecond;
        }

        public void setPerSecond(double perSecond) {
            this.perSecond = perSecond;
        }
    }
}
