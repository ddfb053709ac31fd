package com.callpermissionledger.api;

import com.callpermissionledger.http.Keys;
import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.LedgerHttp;
import com.callpermissionledger.security.RateLimitTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key over its rate gets 429 problem+json with Retry-After; another key is not held back by it; the bucket
 * refills with elapsed time. The limiter's time source is one this test moves, so no answer depends on how
 * fast the machine sends the requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.security.rate-limit.per-second=3")
@ActiveProfiles({"test", "simulation"})
class RateLimitApiTest {

    private static final AtomicLong NANOS = new AtomicLong(1_000_000_000L);

    @TestConfiguration
    static class StoppedTime {
        @Bean
        RateLimitTime rateLimitTime() {
            return NANOS::get;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aRunawayKeyIsHeldBackUntilItsBucketRefillsAndOthersAreNot() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get(Keys.DASHBOARD).status()).as("request %d of a second's worth", i + 1).isEqualTo(200);
        }
        Answer limited = get(Keys.DASHBOARD);

        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(new ObjectMapper().readTree(limited.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(get(Keys.AUDITOR).status()).as("another key has its own bucket").isEqualTo(200);

        NANOS.addAndGet(TimeUnit.MILLISECONDS.toNanos(330));
        assertThat(get(Keys.DASHBOARD).status()).as("not yet one token back").isEqualTo(429);
        NANOS.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(get(Keys.DASHBOARD).status()).as("a third of a second later, one token").isEqualTo(200);
        assertThat(get(Keys.DASHBOARD).status()).isEqualTo(429);
    }

    @Test
    void refusedRequestsDoNotSpendTheBucket() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(get(Keys.HASHED_UPSTREAM).status()).as("UPSTREAM may not read the dashboard")
                    .isEqualTo(403);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(get(Keys.HASHED_UPSTREAM, "/api/v1/businesses/7300001/settings").status())
                    .as("allowed request %d after ten refused ones", i + 1).isEqualTo(200);
        }
    }

    private Answer get(String key) {
        return get(key, "/api/v1/dashboard/summary");
    }

    private Answer get(String key, String path) {
        return new LedgerHttp(port).withKey(key).get(path);
    }
}
