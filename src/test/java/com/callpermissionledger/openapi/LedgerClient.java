package com.callpermissionledger.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A minimal typed client written from the document's schemas, as an integrator would: {@code Problem} and its
 * {@code code} enum, {@code CallView}. It is strict (an unknown field fails), and {@code TypedClientApiTest}
 * holds its types to the served schemas, so it breaks the day the document and the client part.
 */
public final class LedgerClient {

    /** The schema's {@code Problem.code} enum. */
    public enum ProblemCode {
        INVALID_REQUEST, INVALID_IDENTIFIER, REQUEST_REJECTED, MALFORMED_WEBHOOK, BAD_SIGNATURE,
        UNAUTHENTICATED, FORBIDDEN, BUSINESS_NOT_ALLOWED, WEBHOOK_NOT_VERIFIED, NO_PERMISSION, UNKNOWN_REQUEST,
        UNKNOWN_CALL, UNKNOWN_PAIR, UNKNOWN_PROJECTION, NOT_FOUND, METHOD_NOT_ALLOWED, IDEMPOTENCY_CONFLICT,
        OUTCOME_ALREADY_RECORDED, PERMANENT_PERMISSION_EXISTS, REQUEST_EXPIRED, PAYLOAD_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE, FACT_IN_FUTURE, RATE_LIMITED, REQUEST_LIMIT_24H, REQUEST_LIMIT_7D,
        CALL_LIMIT_24H, INTERNAL_ERROR, LEDGER_BUSY
    }

    /** The schema {@code Problem}. */
    public record Problem(String type, String title, int status, String detail, String instance, ProblemCode code,
                          String rule, Integer platformCode, Instant retryAt, List<Instant> evidence, String field) {
    }

    /** The schema {@code CallView}; {@code ledger} is kept as JSON here. */
    public record CallView(String callId, Instant placedAt, String outcome, Instant outcomeAt, JsonNode ledger) {
    }

    /** What an operation answered: its documented success body, or a documented problem. */
    public sealed interface Answer<T> {
    }

    public record Success<T>(int status, T body) implements Answer<T> {
    }

    public record Refused<T>(int status, Problem problem) implements Answer<T> {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String apiKey;

    public LedgerClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** operationId {@code grantPermission}. */
    public Answer<JsonNode> grantPermission(String business, String user, boolean permanent) {
        return post(pair(business, user) + "/permission/grant",
                Map.of("source", "BUSINESS_PROFILE", "permanent", permanent), JsonNode.class);
    }

    /** operationId {@code placeCall}. */
    public Answer<CallView> placeCall(String business, String user, String callId) {
        return post(pair(business, user) + "/calls", Map.of("callId", callId), CallView.class);
    }

    private static String pair(String business, String user) {
        return "/api/v1/businesses/" + business + "/users/" + user;
    }

    private <T> Answer<T> post(String path, Object body, Class<T> type) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/problem+json")) {
                return new Refused<>(response.statusCode(), JSON.readValue(response.body(), Problem.class));
            }
            return new Success<>(response.statusCode(), JSON.readValue(response.body(), type));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
