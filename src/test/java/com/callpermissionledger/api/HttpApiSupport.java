package com.callpermissionledger.api;

import com.callpermissionledger.policy.event.PairEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Everything the HTTP contract tests share: one Spring context (same annotations in every subclass, so
 * Spring caches it), a raw HTTP client (bodies are strings or bytes, so malformed JSON can be sent), the
 * simulated clock moved through the real admin endpoint, and the pair's event stream read straight from
 * Axon's {@link EventStore}. Every test works on pairs of its own ({@link #newPair()}), so tests sharing the
 * context never see each other's history; the clock is shared and only moves forward, so no test depends
 * on an absolute instant, only on instants it read itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "simulation"})
abstract class HttpApiSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";
    static final String APPLICATION_JSON = "application/json";
    /** R-TEMPORARY-168H: exactly 7 x 86,400 s. */
    static final Duration TEMPORARY_VALIDITY = Duration.ofSeconds(604_800);
    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    private static final AtomicLong SEQUENCE = new AtomicLong((System.currentTimeMillis() % 1_000_000_000L) * 1_000L);

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    // ---------------------------------------------------------------- identities

    /** A (business, user) pair no other test uses; users alternate between the two documented forms. */
    record Pair(String business, String user) {
        String path(String suffix) {
            return "/api/v1/businesses/" + business + "/users/" + user + suffix;
        }

        String aggregateId() {
            return business + ":" + user;
        }

        String settingsPath() {
            return "/api/v1/businesses/" + business + "/settings";
        }
    }

    static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    static Pair newPair() {
        long n = unique();
        return new Pair("1" + n, n % 2 == 0 ? "4" + n : "US.T" + n);
    }

    // ---------------------------------------------------------------- HTTP

    record Answer(String method, String path, int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " answered " + status + " with a body that is not JSON: "
                        + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + contentType() + " " + body;
        }
    }

    /** The ADMIN key of the test profile (application-test.yml); the security tests use the others. */
    static final String ADMIN_KEY = "test-admin-key";

    Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", ADMIN_KEY)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer = new Answer(method, path, response.statusCode(), response.headers(), response.body());
            com.callpermissionledger.openapi.ApiContract.assertDocumented(port, method, path, answer.status(),
                    answer.headers().map(), answer.body());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String path, String json) {
        return send("POST", path, APPLICATION_JSON, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    Answer put(String path, String json) {
        return send("PUT", path, APPLICATION_JSON, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    // ---------------------------------------------------------------- the simulated clock

    Instant advance(Duration by) {
        Answer answer = post("/api/v1/admin/clock", "{\"advance\":\"" + by + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return instant(answer.json().get("now"));
    }

    Instant now() {
        return advance(Duration.ZERO);
    }

    /** Moves the clock to the next whole second (if not on one), where Unix seconds lose nothing. */
    Instant alignToWholeSecond() {
        Instant now = now();
        return now.getNano() == 0 ? now : advance(Duration.ofNanos(1_000_000_000L - now.getNano()));
    }

    // ---------------------------------------------------------------- commands used as steps

    Answer sendRequest(Pair pair, String requestId) {
        return post(pair.path("/permission-requests"),
                "{\"requestId\":\"" + requestId + "\",\"channel\":\"FREE_FORM\"}");
    }

    Answer reply(Pair pair, String requestId, String response, boolean permanent) {
        return post(pair.path("/permission-requests/" + requestId + "/reply"),
                "{\"response\":\"" + response + "\",\"permanent\":" + permanent + "}");
    }

    Answer grant(Pair pair, boolean permanent) {
        return post(pair.path("/permission/grant"), "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":" + permanent + "}");
    }

    Answer placeCall(Pair pair, String callId) {
        return post(pair.path("/calls"), "{\"callId\":\"" + callId + "\"}");
    }

    Answer outcome(Pair pair, String callId, String outcome) {
        return post(pair.path("/calls/" + callId + "/outcome"), "{\"outcome\":\"" + outcome + "\"}");
    }

    Answer callPermission(Pair pair) {
        Answer answer = get(pair.path("/call-permission"));
        assertOk(answer, 200);
        return answer;
    }

    Answer settings(String business, String json) {
        Answer answer = put("/api/v1/businesses/" + business + "/settings", json);
        assertOk(answer, 200);
        return answer;
    }

    /** Grants a temporary permission from the business profile and answers the grant instant. */
    Instant granted(Pair pair) {
        Answer answer = grant(pair, false);
        assertOk(answer, 200);
        return instant(answer.json().get("grantedAt"));
    }

    // ---------------------------------------------------------------- the event store

    List<PairEvent> events(Pair pair) {
        return events(pair.aggregateId()).stream().map(PairEvent.class::cast).toList();
    }

    List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    List<Class<?>> eventTypes(Pair pair) {
        return events(pair.aggregateId()).stream().<Class<?>>map(Object::getClass).toList();
    }

    <E> List<E> events(Pair pair, Class<E> type) {
        return events(pair.aggregateId()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Rows of any stream whose id contains {@code token}: catches a write under a normalised or altered id. */
    long storedEventsMentioning(String token) {
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier like ?", Long.class,
                "%" + token + "%");
        return count == null ? 0 : count;
    }

    // ---------------------------------------------------------------- assertions

    static Instant instant(JsonNode node) {
        assertThat(node).as("an instant").isNotNull();
        assertThat(node.isTextual()).as("instant %s is an ISO-8601 string", node).isTrue();
        return Instant.parse(node.asText());
    }

    static JsonNode assertOk(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo(APPLICATION_JSON);
        return answer.json();
    }

    /** An RFC 9457 answer: status, content type, the stable code, its type URI, a title and a detail. */
    static JsonNode assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo(PROBLEM_JSON);
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asText(null)).as(answer.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(problem.path("type").asText()).as(answer.toString())
                .isEqualTo("urn:call-permission-ledger:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        assertThat(problem.path("title").asText()).as(answer.toString()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(answer.toString()).isNotBlank();
        return problem;
    }

    /**
     * A refusal by a rule: the problem fields, the rule named in {@code rule} and in the detail, the platform's
     * code when it has one, and {@code retryAt} with a matching {@code Retry-After} (whole seconds, rounded up)
     * exactly when waiting helps.
     */
    static JsonNode assertRefusal(Answer answer, int status, String code, String rule, Integer platformCode,
                                  Instant retryAt, Instant now) {
        JsonNode problem = assertProblem(answer, status, code);
        assertThat(problem.path("rule").asText(null)).as(answer.toString()).isEqualTo(rule);
        assertThat(problem.path("detail").asText()).as(answer.toString()).startsWith("Rule " + rule + ": ");
        if (platformCode == null) {
            assertThat(problem.has("platformCode")).as(answer.toString()).isFalse();
        } else {
            assertThat(problem.path("platformCode").isInt()).as(answer.toString()).isTrue();
            assertThat(problem.path("platformCode").asInt()).as(answer.toString()).isEqualTo(platformCode);
        }
        if (retryAt == null) {
            assertThat(problem.has("retryAt")).as(answer.toString()).isFalse();
            assertThat(answer.header("Retry-After")).as(answer.toString()).isEmpty();
        } else {
            assertThat(instant(problem.get("retryAt"))).as(answer.toString()).isEqualTo(retryAt);
            long seconds = (Duration.between(now, retryAt).toMillis() + 999) / 1000;
            assertThat(answer.header("Retry-After")).as(answer.toString()).contains(Long.toString(seconds));
        }
        return problem;
    }

    /** Waits, at most {@code max}, for {@code condition}; expiries are recorded by a sweeper within seconds. */
    static void eventually(Duration max, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + max + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
        System.out.printf("waited %d ms until %s%n", (System.nanoTime() - start) / 1_000_000, what);
    }
}
