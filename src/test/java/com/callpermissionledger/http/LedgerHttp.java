package com.callpermissionledger.http;

import com.callpermissionledger.openapi.ApiContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP client of the tests: real HTTP against a ledger on {@code port}, bodies as strings or bytes (so
 * malformed JSON can be sent), one key on every request ({@link Keys#ADMIN} unless {@link #withKey} says
 * otherwise), and every answer held to the document the server serves ({@link ApiContract}): an undocumented
 * status, type or field fails the test that received it. The simulated clock is moved through its endpoint.
 */
public final class LedgerHttp {

    public static final String APPLICATION_JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final int port;
    private final String key;

    public LedgerHttp(int port) {
        this(port, Keys.ADMIN);
    }

    private LedgerHttp(int port, String key) {
        this.port = port;
        this.key = key;
    }

    /** The same ledger asked with another key; {@code null} sends none. */
    public LedgerHttp withKey(String key) {
        return new LedgerHttp(port, key);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ---------------------------------------------------------------- commands and queries

    public Answer get(String path) {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, HttpRequest.BodyPublishers.noBody());
    }

    /** A JSON body; {@code null} sends none, and no content type. */
    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    /** A JSON body; {@code null} sends none, and no content type. */
    public Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    /** Any method with a JSON body; {@code null} sends none, and no content type. */
    public Answer send(String method, String path, String json) {
        return json == null ? send(method, path, null, HttpRequest.BodyPublishers.noBody())
                : send(method, path, APPLICATION_JSON, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** Any method, any content type (none if {@code null}), any body: streamed bodies go chunked. */
    public Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = request(path).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    // ---------------------------------------------------------------- lower level, for raw control

    /** A request to {@code path} carrying this client's key, for a test that sets more (headers, method, body). */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.setHeader("X-Api-Key", key);
        }
        return request;
    }

    /** Sends a request as built and holds the answer to the document. */
    public Answer send(HttpRequest request) {
        try {
            return documented(receive(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer, not yet held to the document: for a test that looks at it first (a fuzz that collects
     * findings, a dropped connection reported as one) and then calls {@link #documented} itself.
     */
    public Answer receive(HttpRequest request) throws IOException {
        try {
            return answer(request, CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #receive}, many in flight at once. */
    public CompletableFuture<Answer> receiveAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> answer(request, response));
    }

    /** Fails if the document does not describe this answer to its operation; answers it back. */
    public Answer documented(Answer answer) {
        ApiContract.assertDocumented(port, answer.method(), answer.path(), answer.status(), answer.headers().map(),
                answer.body());
        return answer;
    }

    private static Answer answer(HttpRequest request, HttpResponse<String> response) {
        URI uri = request.uri();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Answer(request.method(), path, response.statusCode(), response.headers(), response.body());
    }

    // ---------------------------------------------------------------- the simulated clock

    /** Moves the simulated clock forward through the admin endpoint and answers the new now. */
    public Instant advance(Duration by) {
        return advance(by.toString());
    }

    /** The same, with the duration as the request spells it (ISO-8601). */
    public Instant advance(String duration) {
        Answer answer = withKey(Keys.ADMIN).post("/api/v1/admin/clock", "{\"advance\":\"" + duration + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return Instant.parse(answer.json().get("now").asText());
    }

    public Instant now() {
        return advance(Duration.ZERO);
    }

    /** Moves the clock to the next whole second (if not on one), where Unix seconds lose nothing. */
    public Instant alignToWholeSecond() {
        Instant now = now();
        return now.getNano() == 0 ? now : advance(Duration.ofNanos(1_000_000_000L - now.getNano()));
    }
}
