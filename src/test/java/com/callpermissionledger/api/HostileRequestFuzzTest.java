package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.Keys;
import com.callpermissionledger.http.RunningLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 generated malformed or hostile requests (seeded, so a failure replays), each with a random key of
 * every role (limited or not), none or an unknown one: random bytes, deep nesting, huge numbers, wrong
 * types, traversal, SQL and script fragments in ids and bodies, every method (TRACE and made-up ones
 * included), hostile GET query parameters ({@code at}, {@code after}, {@code limit}, {@code from}/{@code to}
 * export windows, dashboard filters and pages), form and multipart bodies (small, over 16 KiB, chunked),
 * oversized JSON, and paths in generated spellings (percent-encoded letters in either case, {@code //},
 * {@code ;}, dot segments, a trailing slash). No answer may be a 5xx; every error is problem+json; a body
 * that is not JSON is 415 or 413; a connection the server drops is a failure; nothing is recorded.
 */
class HostileRequestFuzzTest extends RunningLedger {

    private static final int REQUESTS = 10_000;
    private static final String BUSINESS = "990001";
    private static final String[] FRAGMENTS = {"../../etc/passwd", "..%2F..%2Fetc", "' OR 1=1 --",
            "\"; DROP TABLE domain_event_entry; --", "<script>alert(1)</script>", "%00", "${jndi:ldap://x/a}",
            "\u202e\u0000", "wamid.ok/../x", "a b", "\\\\server\\share", "{{7*7}}", "ﾠ", "😀"};
    private static final String[] KEYS = {Keys.FUZZ, Keys.ADMIN, Keys.UPSTREAM, Keys.DASHBOARD, Keys.AUDITOR,
            Keys.SCOPED_UPSTREAM, Keys.SCOPED_DASHBOARD, Keys.SCOPED_AUDITOR, Keys.SCOPED_ADMIN, Keys.HASHED_UPSTREAM};
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"};
    private static final String[] GETS = {"/call-permission?at=%s", "/call-permission?at=%s&at=%s",
            "/permission-requests/%s", "/calls/%s", "/events?after=%s", "/events/verify?x=%s"};
    private static final String[] GLOBAL_GETS = {"/api/v1/events?after=%s&limit=%s", "/api/v1/events?from=%s&limit=%s",
            "/api/v1/events/export?business=%s&from=%s", "/api/v1/events/export?from=%s&to=%s",
            "/api/v1/dashboard/pairs?business=%s&state=%s", "/api/v1/dashboard/pairs?expiringWithin=%s&warning=%s",
            "/api/v1/dashboard/pairs?page=%s&size=%s", "/api/v1/dashboard/requests?status=%s&user=%s",
            "/api/v1/dashboard/calls?outcome=%s&page=%s", "/api/v1/dashboard/summary?business=%s&business=%s",
            "/api/v1/events/verify?business=%s&x=%s", "/api/v1/admin/projections?%s=%s"};
    private static final String[] VALUES = {"", "0", "-1", "1", "1000", "1001", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "1e309", "NaN", "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
            "2026-11-24T00:00:00+01:00", "P99999999999D", "PT-1S", "PT0.0000001S", "GRANTED", "granted", "true", "yes",
            "990001", "7700001", "US.x", "%00", "%25", "%2F", "%0A", "%E2%80%AE", "a%20b", "%FF%FE", "'", "%22"};
    private static final String[] POSTS = {"/permission-requests", "/permission-requests/wamid.F1/delivered",
            "/permission-requests/wamid.F1/reply", "/permission/grant", "/permission/revoke", "/calls",
            "/calls/wacid.F1/outcome", "/user-calls"};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20261124);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsGetProblemsAndRecordNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HttpRequest request = hostile(i);
            Answer answer;
            try {
                answer = http().receive(request);
            } catch (java.io.IOException dropped) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + " -> no answer: " + dropped);
                continue;
            }
            String problem = check(i, request, answer);
            try {
                http().documented(answer);
            } catch (AssertionError undocumented) {
                problem = problem != null ? problem : undocumented.getMessage();
            }
            if (problem != null) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + " -> " + problem);
            }
        }
        assertThat(failures).as("answers that were a 5xx, not problem+json, not 415/413 for a non-JSON body, or none")
                .isEmpty();

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?"
                + " or aggregate_identifier = ?", Long.class, BUSINESS + ":%", "settings:" + BUSINESS)).isZero();
        List<byte[]> metadata = jdbc.query("select meta_data from domain_event_entry", (rs, n) -> rs.getBytes(1));
        for (byte[] meta : metadata) {
            assertThat(json.readTree(meta).path("client").asText()).as("an event caused by the fuzz").isNotEqualTo("fuzz");
        }
    }

    private String check(int i, HttpRequest request, Answer answer) {
        int status = answer.status();
        boolean mayPass = i % 16 >= 10 && i % 16 != 12 && i % 16 != 13;
        if (status >= 500 || status < 400 && !mayPass) {
            return status + " " + answer.body();
        }
        if ((i % 16 == 12 || i % 16 == 13) && status != 415 && status != 413) {
            return status + " for a form or multipart body " + answer.body();
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " with " + type;
        }
        try {
            JsonNode body = json.readTree(answer.body());
            if (!body.hasNonNull("code") || body.toString().contains("Exception") || body.toString().contains("at com.")) {
                return status + " " + answer.body();
            }
        } catch (Exception e) {
            return status + " unreadable " + answer.body();
        }
        return null;
    }

    private HttpRequest hostile(int i) {
        String root = "/api/v1/businesses/" + BUSINESS + "/users/4999" + (i % 1000);
        String key = KEYS[random.nextInt(KEYS.length)];
        String method = "POST";
        String path = root + POSTS[random.nextInt(POSTS.length)];
        String contentType = "application/json";
        byte[] body;
        boolean chunked = false;
        switch (i % 16) {
            case 0 -> body = randomBytes(1 + random.nextInt(300));
            case 1 -> body = nested(500 + random.nextInt(4000));
            case 2 -> body = ("{\"requestId\":" + "9".repeat(1 + random.nextInt(5000)) + ",\"callId\":1e" + random.nextInt(99999)
                    + ",\"channel\":\"TEMPLATE\"}").getBytes(StandardCharsets.UTF_8);
            case 3 -> body = wrongTypes();
            case 4 -> {
                path = root + "/permission-requests/" + encode(fragment()) + "/reply";
                body = "{\"response\":\"ACCEPT\"}".getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                String id = fragment();
                body = ("{\"requestId\":" + json(id) + ",\"channel\":\"TEMPLATE\",\"callId\":" + json(id) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                path = root + (random.nextBoolean() ? "/permission-requests" : "/calls");
            }
            case 6 -> {
                path = "/api/v1/businesses/" + encode(fragment()) + "/users/" + encode(fragment()) + "/calls";
                body = "{\"callId\":\"wacid.F2\"}".getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                method = new String[]{"PUT", "DELETE", "PATCH"}[random.nextInt(3)];
                contentType = new String[]{"text/plain", "application/xml", "application/x-www-form-urlencoded"}[random.nextInt(3)];
                body = "requestId=wamid.F3&channel=TEMPLATE".getBytes(StandardCharsets.UTF_8);
            }
            case 8 -> {
                key = random.nextBoolean() ? null : "not-" + random.nextInt();
                body = "{\"callId\":\"wacid.F4\"}".getBytes(StandardCharsets.UTF_8);
            }
            case 9 -> body = ("{\"requestId\":\"" + "x".repeat(17_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 10 -> {
                method = METHODS[random.nextInt(METHODS.length)];
                path = random.nextBoolean() ? root + POSTS[random.nextInt(POSTS.length)]
                        : String.format(GLOBAL_GETS[random.nextInt(GLOBAL_GETS.length)], value(), value());
                // never an empty body: POST .../delivered without one is a valid command
                body = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
            }
            case 11 -> {
                method = "GET";
                path = random.nextBoolean() ? root + String.format(GETS[random.nextInt(GETS.length)], value(), value())
                        : String.format(GLOBAL_GETS[random.nextInt(GLOBAL_GETS.length)], value(), value());
                body = new byte[0];
            }
            case 12 -> {
                method = random.nextBoolean() ? "POST" : "PUT";
                contentType = "application/x-www-form-urlencoded";
                path = random.nextBoolean() ? root + POSTS[random.nextInt(POSTS.length)] : "/api/v1/businesses/" + BUSINESS + "/settings";
                body = ("requestId=wamid.F6&channel=TEMPLATE&callbackPermission=ENABLED&" + "a=b&".repeat(random.nextInt(6000)))
                        .getBytes(StandardCharsets.UTF_8);
                chunked = random.nextBoolean();
            }
            case 13 -> {
                contentType = "multipart/form-data; boundary=XyZ";
                path = root + POSTS[random.nextInt(POSTS.length)];
                body = multipart(random.nextInt(16) == 0 ? 900_000 : random.nextInt(20_000));
                chunked = random.nextBoolean();
            }
            case 14 -> {
                method = random.nextInt(3) == 0 ? "GET" : "POST";
                path = respell(method.equals("GET") ? root + "/events/verify" : root + POSTS[random.nextInt(POSTS.length)]);
                body = method.equals("GET") ? new byte[0] : "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                method = "PUT";
                path = respell("/api/v1/businesses/" + BUSINESS + "/settings");
                contentType = random.nextBoolean() ? "application/json" : "application/json; charset=UTF-8";
                body = "{\"policy\":\"whatsapp-v9\"}".getBytes(StandardCharsets.UTF_8);
            }
        }
        HttpRequest.Builder request = http().withKey(key).request(path)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .method(method, chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        return request.build();
    }

    private String value() {
        return random.nextBoolean() ? VALUES[random.nextInt(VALUES.length)] : encode(fragment());
    }

    /** One generated spelling of {@code path}: a letter percent-encoded (either case), or //, ;, a dot segment, a trailing /. */
    private String respell(String path) {
        String[] segments = path.substring(1).split("/");
        int i = random.nextInt(segments.length);
        String segment = segments[i];
        int j = random.nextInt(segment.length());
        String hex = String.format("%%%02x", (int) segment.charAt(j));
        segments[i] = switch (random.nextInt(6)) {
            case 0 -> segment.substring(0, j) + hex + segment.substring(j + 1);
            case 1 -> segment.substring(0, j) + hex.toUpperCase(java.util.Locale.ROOT) + segment.substring(j + 1);
            case 2 -> "/" + segment;
            case 3 -> segment + ";x=" + random.nextInt(9);
            case 4 -> (random.nextBoolean() ? "./" : "x/../") + segment;
            default -> segment + "/";
        };
        return "/" + String.join("/", segments);
    }

    private byte[] multipart(int size) {
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] part = randomBytes(size);
        byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length() + part.length + tail.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(part, 0, all, head.length(), part.length);
        System.arraycopy(tail, 0, all, head.length() + part.length, tail.length);
        return all;
    }

    private String fragment() {
        return FRAGMENTS[random.nextInt(FRAGMENTS.length)] + (random.nextBoolean() ? "" : Integer.toString(random.nextInt()));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] nested(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] wrongTypes() {
        String[] values = {"[]", "{}", "true", "null", "-1", "3.5", "[\"wamid.F5\"]", "{\"$gt\":\"\"}"};
        String v = values[random.nextInt(values.length)];
        return ("{\"requestId\":" + v + ",\"channel\":" + v + ",\"callId\":" + v + ",\"outcome\":" + v
                + ",\"response\":" + v + ",\"source\":" + v + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String json(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
