package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.RunningLedger;
import com.callpermissionledger.policy.event.PairEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook tests' shared context: the real HTTP stack ({@link RunningLedger}) with an app secret and a verify
 * token configured, deliveries signed as the platform signs them, and each pair's events read from Axon's event
 * store. Every test uses business numbers of its own.
 */
@TestPropertySource(properties = {"ledger.webhooks.app-secret=" + WebhookApiSupport.SECRET,
        "ledger.webhooks.verify-token=" + WebhookApiSupport.VERIFY_TOKEN})
abstract class WebhookApiSupport extends RunningLedger {

    static final String SECRET = "test-app-secret";
    static final String VERIFY_TOKEN = "test-verify-token";
    static final String WEBHOOK = "/api/v1/webhooks/whatsapp";
    static final Duration WEEK = Duration.ofSeconds(604_800);
    private static final AtomicLong SEQUENCE = new AtomicLong((System.nanoTime() % 1_000_000_000L) * 1_000L);

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    /** A business number and a user no other test uses; users alternate between phone and user-id forms. */
    record Pair(String business, String user) {
        String path(String suffix) {
            return "/api/v1/businesses/" + business + "/users/" + user + suffix;
        }
    }

    static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    static Pair newPair() {
        long n = unique();
        return new Pair("2" + n, n % 2 == 0 ? "4" + n : "US.W" + n);
    }

    static Pair phonePair() {
        long n = unique();
        return new Pair("2" + n, "4" + n);
    }

    /** A request as the platform or a relay sends it: any key (or none), any signature (or none), raw bytes. */
    Answer send(String method, String path, String key, String signature, byte[] body) {
        HttpRequest.Builder request = http().withKey(key).request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http().send(request.build());
    }

    /** Delivers a body signed with the app secret, as the platform does, and expects 200. */
    JsonNode deliver(String body) {
        Answer answer = deliverRaw(body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    Answer deliverRaw(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send("POST", WEBHOOK, null, WebhookSignature.of(SECRET, bytes), bytes);
    }

    Answer admin(String method, String path, String json) {
        return http().send(method, path, json);
    }

    List<PairEvent> events(Pair pair) {
        return stream(pair.business() + ":" + pair.user()).stream().map(PairEvent.class::cast).toList();
    }

    List<Object> stream(String id) {
        return eventStore.readEvents(id, 0).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    <E> List<E> events(Pair pair, Class<E> type) {
        return events(pair).stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Class<?>> eventTypes(Pair pair) {
        return events(pair).stream().<Class<?>>map(Object::getClass).toList();
    }

    JsonNode callPermission(Pair pair) {
        Answer answer = admin("GET", pair.path("/call-permission"), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Sends a permission request through the REST API, as upstream does before the platform reports on it. */
    void sendRequest(Pair pair, String requestId) {
        Answer answer = admin("POST", pair.path("/permission-requests"),
                "{\"requestId\":\"" + requestId + "\",\"channel\":\"FREE_FORM\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    void placeCall(Pair pair, String callId) {
        Answer answer = admin("POST", pair.path("/calls"), "{\"callId\":\"" + callId + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}
