package com.callpermissionledger.security;

import com.callpermissionledger.config.OwnerOnlyFiles;
import com.callpermissionledger.policy.PairId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the key registry. With no key configured the ledger is never an open door: at first start it
 * generates one ADMIN key, keeps only its hash next to the data (owner-only: 0600 in a 0700 directory it
 * creates), and prints the key once.
 */
@Configuration
@Profile("!audit")
public class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);
    static final String GENERATED_NAME = "generated-admin";

    @Bean
    public ApiKeys apiKeys(SecurityProperties properties) {
        List<ApiKey> keys = new ArrayList<>();
        var configured = properties.getApiKeys();
        for (int i = 0; i < configured.size(); i++) {
            var c = configured.get(i);
            keys.add(new ApiKey(c.getName() != null ? c.getName() : "key-" + i, c.getRole(),
                    businesses(c.getBusinesses()), KeyDigest.fromConfigured(c.getKey())));
        }
        if (keys.isEmpty()) {
            keys.add(new ApiKey(GENERATED_NAME, Role.ADMIN, Set.of(), generatedKey(Path.of(properties.getGeneratedKeyFile()))));
        }
        return new ApiKeys(keys);
    }

    /** Measures elapsed time with {@code System.nanoTime}, unless a test gives its own {@link RateLimitTime}. */
    @Bean
    public RateLimiter rateLimiter(SecurityProperties properties, ObjectProvider<RateLimitTime> time) {
        RateLimitTime source = time.getIfAvailable(() -> System::nanoTime);
        return new RateLimiter(properties.getRateLimit().getPerSecond(), source::nanos);
    }

    @Bean
    public ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeys keys) {
        return new ApiKeyAuthenticationProvider(keys);
    }

    private static Set<String> businesses(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<String> businesses = Arrays.stream(list.split(",")).map(String::trim).filter(b -> !b.isEmpty())
                .collect(Collectors.toSet());
        businesses.forEach(PairId::requireValidBusiness);
        return businesses;
    }

    static byte[] generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            byte[] hash = KeyDigest.of(key);
            if (file.toAbsolutePath().getParent() != null) {
                OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
            }
            OwnerOnlyFiles.createFile(file);
            Files.writeString(file, HexFormat.of().formatHex(hash) + "\n", StandardCharsets.US_ASCII);
            log.warn("No API key is configured, so an ADMIN key was generated. It is shown only now: {}  "
                    + "(its hash is in {}; configure ledger.security.api-keys for real use)", key, file);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("the generated API key could not be kept in " + file, e);
        }
    }
}
