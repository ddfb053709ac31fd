package com.callpermissionledger.webhook;

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
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook tests' shared context: the real HTTP stack with an app secret and a verify token configured,
 * deliveries signed as the platform signs them, the simulated clock moved through the admin endpoint, and
 * each pair's events read from Axon's event store. Every test uses business numbers of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "simulation"})
@TestPropertySource(properties = {"ledger.webhooks.app-secret=" + WebhookApiSupport.SECRET,
        "ledger.webhooks.verify-token=" + WebhookApiSupport.VERIFY_TOKEN})
abstract class WebhookApiSupport {

    static final String SECRET = "test-app-secret";
    static final String VERIFY_TOKEN = "test-verify-token";
    static final String WEBHOOK = "/api/v1/webhooks/whatsapp";
    static final String ADMIN_KEY = "test-admin-key";
    static final Duration WEEK = Duration.ofSeconds(604_800);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicLong SEQUENCE = new AtomicLong((System.nanoTime() % 1_000_000_000L) * 1_000L);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

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

    Answer send(String method, String path, String key, String signature, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        return send(method, path, ADMIN_KEY, null, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Instant advance(Duration by) {
        Answer answer = admin("POST", "/api/v1/admin/clock", "{\"advance\":\"" + by + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Instant.parse(answer.json().get("now").asText());
    }

    /** The clock on a whole second, where the platform's Unix seconds lose nothing. */
    Instant wholeSecond() {
        Instant now = advance(Duration.ZERO);
        return now.getNano() == 0 ? now : advance(Duration.ofNanos(1_000_000_000L - now.getNano()));
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
