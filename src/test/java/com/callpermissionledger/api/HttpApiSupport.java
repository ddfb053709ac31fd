package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.RunningLedger;
import com.callpermissionledger.policy.event.PairEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the HTTP contract tests of the API share beyond the client ({@link RunningLedger}, one cached Spring
 * context): pairs of their own, the commands used as steps, and the pair's event stream read straight from
 * Axon's {@link EventStore}. Every test works on pairs of its own ({@link #newPair()}), so tests sharing the
 * context never see each other's history; the clock is shared and only moves forward, so no test depends
 * on an absolute instant, only on instants it read itself.
 */
abstract class HttpApiSupport extends RunningLedger {

    static final ObjectMapper JSON = new ObjectMapper();
    /** R-TEMPORARY-168H: exactly 7 x 86,400 s. */
    static final Duration TEMPORARY_VALIDITY = Duration.ofSeconds(604_800);
    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    private static final AtomicLong SEQUENCE = new AtomicLong((System.currentTimeMillis() % 1_000_000_000L) * 1_000L);

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

    // ---------------------------------------------------------------- waiting

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
