package com.callpermissionledger.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holds an answer the HTTP tests received to the document the same server serves at {@code /v3/api-docs}: an
 * undocumented status, content type, field or value fails the test that received it. Requests outside the
 * document (an unknown path, a method a path does not have) have no operation to hold them to, and are left to
 * the test's own assertions.
 */
public final class ApiContract {

    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiContract() {
    }

    /** Fails with every finding if the answer is not one the document describes for this operation. */
    public static void assertDocumented(int port, String method, String pathAndQuery, int status,
                                        Map<String, List<String>> headers, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (!path.startsWith("/api/") || Arrays.stream(Request.Method.values()).noneMatch(m -> m.name().equals(method))) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator(port).validateResponse(path, Request.Method.valueOf(method), response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // an export that matches nothing is an empty NDJSON body: zero lines
                .filter(m -> !(m.getKey().equals("validation.response.body.missing") && path.endsWith("/events/export")))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + status + " " + body
                    + "\nwhich /v3/api-docs does not describe:\n" + errors.stream()
                    .map(ValidationReport.Message::toString).collect(Collectors.joining("\n")));
        }
    }

    /** The same, for an answer read with {@link HttpClient}; answers it back, so a call can be wrapped. */
    public static HttpResponse<String> documented(int port, HttpResponse<String> answer) {
        assertDocumented(port, answer.request().method(), answer.request().uri().getRawPath(), answer.statusCode(),
                answer.headers().map(), answer.body());
        return answer;
    }

    public static String document(int port) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static OpenApiInteractionValidator validator(int port) {
        return VALIDATORS.computeIfAbsent(port, p -> OpenApiInteractionValidator
                .createForInlineApiSpecification(document(p))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }
}
