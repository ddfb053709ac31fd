package com.callpermissionledger.security;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The known keys. A presented key is hashed and compared with every known hash in constant time, and
 * the loop never stops early, so the answer time says nothing about which key, or how much of it, matched.
 */
public final class ApiKeys {

    private final List<ApiKey> keys;

    public ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        byte[] digest = KeyDigest.of(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(digest, key.sha256()) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return keys.size();
    }
}
