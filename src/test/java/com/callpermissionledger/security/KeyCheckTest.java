package com.callpermissionledger.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
        AccessRule history = rule("GET", "/api/v1/businesses/{business}/users/{user}/events");
        AccessRule stream = rule("GET", "/api/v1/events");
        AccessRule export = rule("GET", "/api/v1/events/export");
        AccessRule pairs = rule("GET", "/api/v1/dashboard/pairs");

        assertThat(history.decide(hashed, "123", List.of())).isEqualTo(AccessRule.Verdict.ALLOWED);
        assertThat(history.decide(hashed, "124", List.of())).isEqualTo(AccessRule.Verdict.BUSINESS_NOT_ALLOWED);
        assertThat(history.decide(hashed, "124", List.of("123"))).as("a query parameter the handler ignores")
                .isEqualTo(AccessRule.Verdict.BUSINESS_NOT_ALLOWED);
        assertThat(stream.decide(hashed, null, List.of("123"))).isEqualTo(AccessRule.Verdict.BUSINESS_NOT_ALLOWED);
        assertThat(export.decide(hashed, null, List.of("123"))).isEqualTo(AccessRule.Verdict.BUSINESS_NOT_ALLOWED);
        assertThat(stream.decide(clear, null, List.of())).as("UPSTREAM reads no stream").isEqualTo(AccessRule.Verdict.FORBIDDEN);
        assertThat(pairs.decide(hashed, null, List.of("123"))).isEqualTo(AccessRule.Verdict.ALLOWED);
        assertThat(pairs.decide(hashed, null, List.of())).isEqualTo(AccessRule.Verdict.BUSINESS_NOT_ALLOWED);
        assertThat(pairs.decide(hashed, null, List.of("123", "124"))).as("the parameter twice")
                .isEqualTo(AccessRule.Verdict.BUSINESS_NOT_ALLOWED);
        assertThat(history.decide(null, "123", List.of())).isEqualTo(AccessRule.Verdict.UNAUTHENTICATED);
    }

    @Test
    void everyRowButTheOpenOnesAdmitsAdminAndEveryPatternIsOnceInTheTable() {
        for (AccessRule row : RoleTable.ROWS) {
            assertThat(row.open() || row.roles().contains(Role.ADMIN)).as(row.toString()).isTrue();
        }
        assertThat(RoleTable.ROWS.stream().map(r -> r.method() + " " + r.path() + " " + r.parameter()).distinct())
                .hasSize(RoleTable.ROWS.size());
    }

    @Test
    void rateLimitRefusesBeyondOneSecondsWorthAndRefillsWithTheTimeItIsGiven() {
        AtomicLong nanos = new AtomicLong(7_000_000_000L);
        RateLimiter limiter = new RateLimiter(3, nanos::get);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).as("a 4th within the same instant").isEqualTo(1);
        assertThat(limiter.acquire("other")).as("each key has its own bucket").isZero();

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(332));
        assertThat(limiter.acquire("k")).as("just under one token refilled").isEqualTo(1);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
        assertThat(limiter.acquire("k")).as("one token after a third of a second").isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);

        nanos.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("k")).as("a long pause refills at most one second's worth").isZero();
        }
        assertThat(limiter.acquire("k")).isEqualTo(1);
    }

    private static AccessRule rule(String method, String path) {
        return RoleTable.ROWS.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst()
                .orElseThrow();
    }
}
