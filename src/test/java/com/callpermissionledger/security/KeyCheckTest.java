package com.callpermissionledger.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCheckTest {

    private final ApiKey clear = new ApiKey("crm", Role.UPSTREAM, Set.of(), KeyDigest.fromConfigured("s3cret"));
    private final ApiKey hashed = new ApiKey("audit", Role.AUDITOR, Set.of("123"),
            KeyDigest.fromConfigured("{sha256}" + java.util.HexFormat.of().formatHex(KeyDigest.of("other"))));
    private final ApiKeys keys = new ApiKeys(List.of(clear, hashed));

    @Test
    void clearAndHashedKeysAuthenticateAndOthersDoNot() {
        assertThat(keys.authenticate("s3cret")).contains(clear);
        assertThat(keys.authenticate("other")).contains(hashed);
        assertThat(keys.authenticate("s3cret ")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void aScopedKeyOnlyTouchesItsBusinessesAndNoLedgerWideStream() {
        assertThat(Access.check(hashed, "GET", "/api/v1/businesses/123/users/9/events", null, false))
                .isEqualTo(Access.Verdict.ALLOWED);
        assertThat(Access.check(hashed, "GET", "/api/v1/businesses/124/users/9/events", null, false))
                .isEqualTo(Access.Verdict.WRONG_BUSINESS);
        assertThat(Access.check(hashed, "GET", "/api/v1/events", null, false)).isEqualTo(Access.Verdict.WRONG_BUSINESS);
        assertThat(Access.check(hashed, "GET", "/api/v1/events/export", "123", false)).isEqualTo(Access.Verdict.ALLOWED);
    }

    @Test
    void rateLimitRefusesBeyondOneSecondsWorthAndSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(3);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);
        assertThat(limiter.acquire("other")).as("each key has its own bucket").isZero();
    }
}
