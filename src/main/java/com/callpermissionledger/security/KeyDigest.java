package com.callpermissionledger.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a key as text; keys are kept and compared only in this form. */
final class KeyDigest {

    static final String PREFIX = "{sha256}";

    private KeyDigest() {
    }

    static byte[] of(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A configured key: {@code {sha256}<hex>} as given, or a clear key hashed now. */
    static byte[] fromConfigured(String configured) {
        if (configured.startsWith(PREFIX)) {
            String hex = configured.substring(PREFIX.length());
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("a {sha256} key needs 64 hex digits");
            }
            return HexFormat.of().parseHex(hex);
        }
        return of(configured);
    }
}
