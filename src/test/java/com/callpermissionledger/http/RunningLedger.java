package com.callpermissionledger.http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The base of a test that talks HTTP to the whole application on a random port, with the test keys and the
 * simulated clock. Subclasses that add no configuration of their own share one Spring context (Spring caches
 * it by configuration); the shorthand methods are {@link LedgerHttp}'s with the ADMIN key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "simulation"})
public abstract class RunningLedger {

    @LocalServerPort
    protected int port;

    /** The client for this ledger, with the ADMIN key; {@code http().withKey(..)} for another role. */
    protected LedgerHttp http() {
        return new LedgerHttp(port);
    }

    protected Answer get(String path) {
        return http().get(path);
    }

    protected Answer post(String path, String json) {
        return http().post(path, json);
    }

    protected Answer put(String path, String json) {
        return http().put(path, json);
    }

    protected Answer delete(String path) {
        return http().delete(path);
    }

    protected Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return http().send(method, path, contentType, body);
    }

    protected Instant advance(Duration by) {
        return http().advance(by);
    }

    /** The duration as the request spells it (ISO-8601). */
    protected Instant advance(String duration) {
        return http().advance(duration);
    }

    protected Instant now() {
        return http().now();
    }

    protected Instant alignToWholeSecond() {
        return http().alignToWholeSecond();
    }
}
