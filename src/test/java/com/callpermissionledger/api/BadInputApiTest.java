package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.LedgerHttp.APPLICATION_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Malformed and hostile input: every one is refused with 400 (or 413 for size) as problem+json with the
 * right code, and nothing is recorded for it, neither in the pair's stream nor under any id that mentions
 * the case's unique number.
 */
class BadInputApiTest extends HttpApiSupport {

    /** One POST endpoint of a pair and a body it accepts; {@code accepted} is its status for that body on a new pair. */
    record Endpoint(String name, String suffix, String validBody, int accepted) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("permission-requests", "/permission-requests",
                    "{\"requestId\":\"wamid.bad1\",\"channel\":\"FREE_FORM\"}", 201),
            new Endpoint("delivered", "/permission-requests/wamid.bad1/delivered", "{}", 200),
            new Endpoint("reply", "/permission-requests/wamid.bad1/reply", "{\"response\":\"ACCEPT\",\"permanent\":false}", 200),
            new Endpoint("grant", "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":false}", 200),
            new Endpoint("revoke", "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}", 200),
            new Endpoint("calls", "/calls", "{\"callId\":\"wacid.bad1\"}", 403),
            new Endpoint("outcome", "/calls/wacid.bad1/outcome", "{\"outcome\":\"CONNECTED\"}", 404),
            new Endpoint("user-calls", "/user-calls", "{\"callId\":\"wacid.bad1\",\"outcome\":\"CONNECTED\"}", 200));

    static final String PAIR = "/api/v1/businesses/{b}/users/{u}";
    static final int LIMIT = 16 * 1024;

    /**
     * One hostile request. {@code path} may hold {b} and {u} (a valid, unused pair) and {n} (the case's unique
     * number, which every id of the case contains).
     */
    record Case(String method, String path, String contentType, byte[] body, boolean chunked, int status,
                String code, String field) {
    }

    static Arguments bad(String name, Endpoint e, String body, String code, String field) {
        return bad(name, "POST", PAIR + e.suffix(), body.getBytes(StandardCharsets.UTF_8), false, 400, code, field);
    }

    static Arguments bad(String name, String method, String path, byte[] body, boolean chunked, int status,
                         String code, String field) {
        return Arguments.of(name, new Case(method, path, "application/json", body, chunked, status, code, field));
    }

    static Arguments invalid(String name, Endpoint e, String body) {
        return bad(e.name() + ": " + name, e, body, "INVALID_REQUEST", null);
    }

    static Arguments badId(String name, Endpoint e, String body, String field) {
        return bad(e.name() + ": " + name, e, body, "INVALID_IDENTIFIER", field);
    }

    /** The same body with whitespace after its opening brace, to exactly {@code size} bytes: valid JSON. */
    static byte[] padded(String body, int size) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(size).append('{');
        out.append(" ".repeat(size - raw.length));
        out.append(body, 1, body.length());
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    static Stream<Arguments> hostileBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            String v = e.validBody();
            String inner = v.substring(1, v.length() - 1);
            cases.add(invalid("truncated JSON", e, v.substring(0, v.length() - 1)));
            cases.add(invalid("not JSON at all", e, "requestId=wamid.1&channel=FREE_FORM"));
            cases.add(invalid("an array", e, "[" + v + "]"));
            cases.add(invalid("a string", e, "\"" + v.replace("\"", "\\\"") + "\""));
            cases.add(invalid("a number", e, "42"));
            cases.add(invalid("an unknown field", e, inner.isEmpty() ? "{\"unexpected\":true}"
                    : "{" + inner + ",\"unexpected\":true}"));
            cases.add(invalid("a field in the wrong case", e, inner.isEmpty() ? "{\"Unexpected\":1}"
                    : "{" + Character.toString(inner.charAt(0)) + Character.toUpperCase(inner.charAt(1))
                    + inner.substring(2) + "}"));
            if (!inner.isEmpty()) {
                String first = inner.split(",(?=\")")[0];
                cases.add(invalid("a duplicate key", e, "{" + first + "," + inner + "}"));
            }
            cases.add(invalid("a trailing comma", e, "{" + inner + ",}"));
            if (!inner.isEmpty()) {
                cases.add(invalid("single quotes", e, v.replace('"', '\'')));
            }
            cases.add(invalid("a comment", e, "{/* hi */" + inner + "}"));
            cases.add(invalid("an extra closing brace", e, v + "}"));
            cases.add(invalid("trailing garbage", e, v + " garbage"));
            cases.add(invalid("two documents", e, v + v));
            cases.add(invalid("deep nesting", e, "[".repeat(5_000) + "]".repeat(5_000)));
            byte[] badUtf8 = ("{\"" + "x").getBytes(StandardCharsets.UTF_8);
            byte[] withInvalidBytes = new byte[badUtf8.length + 4];
            System.arraycopy(badUtf8, 0, withInvalidBytes, 0, badUtf8.length);
            withInvalidBytes[badUtf8.length] = (byte) 0xC3;
            withInvalidBytes[badUtf8.length + 1] = (byte) 0x28;
            withInvalidBytes[badUtf8.length + 2] = '"';
            withInvalidBytes[badUtf8.length + 3] = '}';
            cases.add(bad(e.name() + ": invalid UTF-8", "POST", PAIR + e.suffix(), withInvalidBytes, false, 400,
                    "INVALID_REQUEST", null));
            if (!inner.isEmpty()) { // delivered accepts a missing body
                cases.add(invalid("an empty body", e, ""));
                cases.add(invalid("a JSON null", e, "null"));
            }
            cases.add(bad(e.name() + ": over 16 KiB with Content-Length", "POST", PAIR + e.suffix(),
                    padded(v, LIMIT + 1), false, 413, "PAYLOAD_TOO_LARGE", null));
            cases.add(bad(e.name() + ": over 16 KiB, chunked", "POST", PAIR + e.suffix(),
                    padded(v, LIMIT + 1), true, 413, "PAYLOAD_TOO_LARGE", null));
            cases.add(bad(e.name() + ": 1 MiB, chunked", "POST", PAIR + e.suffix(),
                    padded(v, 1024 * 1024), true, 413, "PAYLOAD_TOO_LARGE", null));
        }
        return cases.stream();
    }

    static Stream<Arguments> badFields() {
        Endpoint requests = ENDPOINTS.get(0);
        Endpoint reply = ENDPOINTS.get(2);
        Endpoint grant = ENDPOINTS.get(3);
        Endpoint revoke = ENDPOINTS.get(4);
        Endpoint calls = ENDPOINTS.get(5);
        Endpoint outcome = ENDPOINTS.get(6);
        Endpoint userCalls = ENDPOINTS.get(7);
        List<Arguments> cases = new ArrayList<>(List.of(
                invalid("missing channel", requests, "{\"requestId\":\"wamid.bad1\"}"),
                invalid("missing requestId", requests, "{\"channel\":\"FREE_FORM\"}"),
                invalid("null requestId", requests, "{\"requestId\":null,\"channel\":\"FREE_FORM\"}"),
                invalid("null channel", requests, "{\"requestId\":\"wamid.bad1\",\"channel\":null}"),
                invalid("requestId as a number", requests, "{\"requestId\":12345,\"channel\":\"FREE_FORM\"}"),
                invalid("requestId as a decimal", requests, "{\"requestId\":1.5,\"channel\":\"FREE_FORM\"}"),
                invalid("requestId as a boolean", requests, "{\"requestId\":true,\"channel\":\"FREE_FORM\"}"),
                invalid("requestId as an array", requests, "{\"requestId\":[\"wamid.bad1\"],\"channel\":\"FREE_FORM\"}"),
                invalid("requestId as an object", requests, "{\"requestId\":{\"id\":\"wamid.bad1\"},\"channel\":\"FREE_FORM\"}"),
                invalid("channel in lower case", requests, "{\"requestId\":\"wamid.bad1\",\"channel\":\"free_form\"}"),
                invalid("unknown channel", requests, "{\"requestId\":\"wamid.bad1\",\"channel\":\"SMS\"}"),
                invalid("channel as an ordinal", requests, "{\"requestId\":\"wamid.bad1\",\"channel\":0}"),
                invalid("empty channel", requests, "{\"requestId\":\"wamid.bad1\",\"channel\":\"\"}"),
                invalid("unknown response", reply, "{\"response\":\"MAYBE\",\"permanent\":false}"),
                invalid("response in lower case", reply, "{\"response\":\"accept\",\"permanent\":false}"),
                invalid("missing response", reply, "{\"permanent\":false}"),
                invalid("null response", reply, "{\"response\":null}"),
                invalid("permanent as a string", reply, "{\"response\":\"ACCEPT\",\"permanent\":\"true\"}"),
                invalid("permanent as a number", reply, "{\"response\":\"ACCEPT\",\"permanent\":1}"),
                invalid("unknown source", grant, "{\"source\":\"USER\",\"permanent\":false}"),
                invalid("source in lower case", grant, "{\"source\":\"business_profile\"}"),
                invalid("missing source", grant, "{\"permanent\":false}"),
                invalid("permanent as a word", grant, "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":\"yes\"}"),
                invalid("missing source", revoke, "{}"),
                invalid("unknown source", revoke, "{\"source\":\"AUTOMATIC\"}"),
                invalid("missing callId", calls, "{}"),
                invalid("null callId", calls, "{\"callId\":null}"),
                invalid("callId as a number", calls, "{\"callId\":42}"),
                invalid("unknown outcome", outcome, "{\"outcome\":\"ANSWERED\"}"),
                invalid("a user-call outcome", outcome, "{\"outcome\":\"MISSED\"}"),
                invalid("outcome in lower case", outcome, "{\"outcome\":\"connected\"}"),
                invalid("outcome as an ordinal", outcome, "{\"outcome\":1}"),
                invalid("missing outcome", outcome, "{}"),
                invalid("a business-call outcome", userCalls, "{\"callId\":\"wacid.bad1\",\"outcome\":\"UNANSWERED\"}"),
                invalid("missing outcome", userCalls, "{\"callId\":\"wacid.bad1\"}"),
                invalid("missing callId", userCalls, "{\"outcome\":\"MISSED\"}"),
                invalid("callId as a number", userCalls, "{\"callId\":42,\"outcome\":\"MISSED\"}")));
        List<String> badIds = List.of("", "x".repeat(129), "wamid/1", "wamid 1", "wamíd.1", "<script>alert(1)</script>",
                "wamid.1\\n", "wamid.1\\u0000", "../../etc/passwd", "wamid;1", "wamid.1%2F", "wamid,1", "wamid#1");
        for (String id : badIds) {
            String shown = id.length() > 20 ? id.substring(0, 12) + "... (" + id.length() + " chars)" : id;
            cases.add(badId("requestId '" + shown + "'", requests,
                    "{\"requestId\":\"" + id + "\",\"channel\":\"FREE_FORM\"}", "requestId"));
            cases.add(badId("callId '" + shown + "'", calls, "{\"callId\":\"" + id + "\"}", "callId"));
            cases.add(badId("callId '" + shown + "'", userCalls,
                    "{\"callId\":\"" + id + "\",\"outcome\":\"MISSED\"}", "callId"));
        }
        return cases.stream();
    }

    static Stream<Arguments> badPathIds() {
        List<Arguments> cases = new ArrayList<>();
        List<String[]> businesses = List.of(
                new String[]{"letters", "1{n}a"},
                new String[]{"33 digits", "{n33}"},
                new String[]{"a sign", "-{n}"},
                new String[]{"a decimal point", "1.{n}"},
                new String[]{"an encoded space", "%20{n}"});
        List<String[]> users = List.of(
                new String[]{"lower-case country", "us.{n}"},
                new String[]{"country without id", "US."},
                new String[]{"three letters", "USA.{n}"},
                new String[]{"21 digits", "{n21}"},
                new String[]{"a colon", "4{n}:5"},
                new String[]{"an underscore", "US.a_{n}"},
                new String[]{"two dots", "US.a.{n}"},
                new String[]{"an id over 64 characters", "US.{n}" + "a".repeat(64)},
                new String[]{"a plus sign", "+{n}"});
        for (Endpoint e : ENDPOINTS) {
            for (String[] b : businesses) {
                cases.add(bad(e.name() + ": business with " + b[0], "POST",
                        "/api/v1/businesses/" + b[1] + "/users/{u}" + e.suffix(),
                        e.validBody().getBytes(StandardCharsets.UTF_8), false, 400, "INVALID_IDENTIFIER", "business"));
            }
            for (String[] u : users) {
                cases.add(bad(e.name() + ": user with " + u[0], "POST",
                        "/api/v1/businesses/{b}/users/" + u[1] + e.suffix(),
                        e.validBody().getBytes(StandardCharsets.UTF_8), false, 400, "INVALID_IDENTIFIER", "user"));
            }
        }
        List<String[]> pathIds = List.of(
                new String[]{"an encoded space", "wamid%20{n}"},
                new String[]{"129 characters", "{n}" + "x".repeat(129)},
                new String[]{"a non-ASCII letter", "wam%C3%ADd.{n}"},
                new String[]{"an encoded slash", "wamid%2F{n}"},
                new String[]{"an encoded semicolon", "wamid%3B{n}"},
                new String[]{"a raw semicolon (matrix parameter)", "wamid.{n};x=1"},
                new String[]{"angle brackets", "%3Cb%3E{n}"});
        for (String[] id : pathIds) {
            cases.add(bad("delivered: request id with " + id[0], "POST", PAIR + "/permission-requests/" + id[1] + "/delivered",
                    "{}".getBytes(StandardCharsets.UTF_8), false, 400, "INVALID_IDENTIFIER", "requestId"));
            cases.add(bad("reply: request id with " + id[0], "POST", PAIR + "/permission-requests/" + id[1] + "/reply",
                    "{\"response\":\"ACCEPT\"}".getBytes(StandardCharsets.UTF_8), false, 400, "INVALID_IDENTIFIER",
                    "requestId"));
            cases.add(bad("outcome: call id with " + id[0], "POST", PAIR + "/calls/" + id[1] + "/outcome",
                    "{\"outcome\":\"CONNECTED\"}".getBytes(StandardCharsets.UTF_8), false, 400, "INVALID_IDENTIFIER",
                    "callId"));
            cases.add(bad("GET request: id with " + id[0], "GET", PAIR + "/permission-requests/" + id[1],
                    null, false, 400, "INVALID_IDENTIFIER", "requestId"));
            cases.add(bad("GET call: id with " + id[0], "GET", PAIR + "/calls/" + id[1],
                    null, false, 400, "INVALID_IDENTIFIER", "callId"));
        }
        cases.add(bad("GET call-permission: bad user", "GET", "/api/v1/businesses/{b}/users/us.{n}/call-permission",
                null, false, 400, "INVALID_IDENTIFIER", "user"));
        cases.add(bad("GET call-permission: bad business", "GET", "/api/v1/businesses/1{n}a/users/{u}/call-permission",
                null, false, 400, "INVALID_IDENTIFIER", "business"));
        return cases.stream();
    }

    static Stream<Arguments> badSettings() {
        String path = "/api/v1/businesses/{b}/settings";
        return Stream.of(
                bad("settings: unknown policy", "PUT", path, bytes("{\"policy\":\"whatsapp-v3\"}"), false, 400,
                        "INVALID_REQUEST", null),
                bad("settings: empty policy", "PUT", path, bytes("{\"policy\":\"\"}"), false, 400, "INVALID_REQUEST", null),
                bad("settings: unknown callback value", "PUT", path, bytes("{\"callbackPermission\":\"NOT_SET\"}"), false,
                        400, "INVALID_REQUEST", null),
                bad("settings: callback in lower case", "PUT", path, bytes("{\"callbackPermission\":\"enabled\"}"), false,
                        400, "INVALID_REQUEST", null),
                bad("settings: unknown field", "PUT", path, bytes("{\"callback\":\"ENABLED\"}"), false, 400,
                        "INVALID_REQUEST", null),
                bad("settings: duplicate key", "PUT", path,
                        bytes("{\"callbackPermission\":\"ENABLED\",\"callbackPermission\":\"DISABLED\"}"), false, 400,
                        "INVALID_REQUEST", null),
                bad("settings: policy as a number", "PUT", path, bytes("{\"policy\":2}"), false, 400,
                        "INVALID_REQUEST", null),
                bad("settings: malformed", "PUT", path, bytes("{\"policy\":"), false, 400, "INVALID_REQUEST", null),
                bad("settings: empty body", "PUT", path, bytes(""), false, 400, "INVALID_REQUEST", null),
                bad("settings: over 16 KiB", "PUT", path, padded("{\"policy\":\"whatsapp-v2\"}", LIMIT + 1), false,
                        413, "PAYLOAD_TOO_LARGE", null),
                bad("settings: bad business", "PUT", "/api/v1/businesses/1{n}a/settings",
                        bytes("{\"callbackPermission\":\"ENABLED\"}"), false, 400, "INVALID_IDENTIFIER", "business"),
                bad("settings: 33-digit business", "PUT", "/api/v1/businesses/{n33}/settings",
                        bytes("{\"callbackPermission\":\"ENABLED\"}"), false, 400, "INVALID_IDENTIFIER", "business"),
                bad("GET settings: bad business", "GET", "/api/v1/businesses/1{n}a/settings", null, false, 400,
                        "INVALID_IDENTIFIER", "business"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"hostileBodies", "badFields", "badPathIds", "badSettings"})
    void isRefusedAsAProblemAndRecordsNothing(String name, Case c) {
        long n = unique();
        Pair pair = new Pair("1" + n, "4" + n);
        String path = c.path()
                .replace("{b}", pair.business())
                .replace("{u}", pair.user())
                .replace("{n33}", pad("1" + n, 33))
                .replace("{n21}", pad("4" + n, 21))
                .replace("{n}", Long.toString(n));

        Answer answer = send(c.method(), path, c.body() == null ? null : c.contentType(), publisher(c));

        assertAll(name + ": " + answer,
                () -> {
                    var problem = assertProblem(answer, c.status(), c.code());
                    if (c.field() != null) {
                        assertThat(problem.path("field").asText(null)).as("field").isEqualTo(c.field());
                    }
                    assertThat(problem.path("detail").asText()).as("detail").contains("Nothing was recorded");
                },
                () -> assertThat(answer.body()).as("no internals leak").doesNotContain("Exception")
                        .doesNotContain("com.fasterxml").doesNotContain("org.springframework"),
                () -> assertThat(events(pair.aggregateId())).as("the pair's stream").isEmpty(),
                () -> assertThat(events("settings:" + pair.business())).as("the business's settings stream").isEmpty(),
                () -> assertThat(storedEventsMentioning(Long.toString(n))).as("events under any id mentioning " + n)
                        .isZero());
    }

    /** The control for the cases above: each endpoint's valid body, on a new pair, is not refused as input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theValidBodyIsAccepted(String name, Endpoint e) {
        Pair pair = newPair();

        Answer answer = post(pair.path(e.suffix()), e.validBody());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(e.accepted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aBodyOfExactly16KiBIsAcceptedWithContentLengthAndChunked(String name, Endpoint e) {
        Pair withLength = newPair();
        Pair chunked = newPair();
        byte[] body = padded(e.validBody(), LIMIT);

        Answer sized = send("POST", withLength.path(e.suffix()), APPLICATION_JSON,
                HttpRequest.BodyPublishers.ofByteArray(body));
        Answer streamed = send("POST", chunked.path(e.suffix()), APPLICATION_JSON,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(sized.status()).as(sized.toString()).isEqualTo(e.accepted());
        assertThat(streamed.status()).as(streamed.toString()).isEqualTo(e.accepted());
    }

    static Stream<Arguments> endpoints() {
        return ENDPOINTS.stream().map(e -> Arguments.of(e.name(), e));
    }

    @Test
    void aRequestIdOf128AllowedCharactersIsAccepted() {
        Pair pair = newPair();
        String id = ("wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA:=+-_"
                + "x".repeat(128)).substring(0, 128);

        Answer answer = post(pair.path("/permission-requests"), "{\"requestId\":\"" + id + "\",\"channel\":\"FREE_FORM\"}");

        assertThat(assertOk(answer, 201).get("requestId").asText()).isEqualTo(id);
        assertOk(get(pair.path("/permission-requests/" + id)), 200);
    }

    @Test
    void anUnsupportedContentTypeIs415ProblemAndRecordsNothing() {
        Pair pair = newPair();

        Answer answer = send("POST", pair.path("/permission-requests"), "text/plain",
                HttpRequest.BodyPublishers.ofString("{\"requestId\":\"wamid.t\",\"channel\":\"FREE_FORM\"}"));

        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(events(pair)).isEmpty();
    }

    @Test
    void anUnsupportedMethodIs405Problem() {
        Pair pair = newPair();

        Answer answer = send("DELETE", pair.path("/permission-requests"), null, HttpRequest.BodyPublishers.noBody());

        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anUnknownPathIs404Problem() {
        Answer answer = get("/api/v1/no-such-thing");

        assertProblem(answer, 404, "NOT_FOUND");
    }

    private static HttpRequest.BodyPublisher publisher(Case c) {
        if (c.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        byte[] body = c.body();
        return c.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    private static String pad(String digits, int length) {
        return digits + "0".repeat(length - digits.length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
