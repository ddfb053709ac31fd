package com.callpermissionledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 generated malformed or hostile requests (seeded, so a failure replays): random bytes, deep
 * nesting, huge numbers, wrong types, traversal, SQL and script fragments in ids and bodies, wrong methods
 * and media types, missing or wrong keys, oversized bodies. Every answer must be a 4xx problem+json, never
 * a 5xx, and nothing may be recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "simulation"})
class HostileRequestFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final String BUSINESS = "990001";
    private static final String[] FRAGMENTS = {"../../etc/passwd", "..%2F..%2Fetc", "' OR 1=1 --",
            "\"; DROP TABLE domain_event_entry; --", "<script>alert(1)</script>", "%00", "${jndi:ldap://x/a}",
            "\u202e\u0000", "wamid.ok/../x", "a b", "\\\\server\\share", "{{7*7}}", "ﾠ", "😀"};
    private static final String[] POSTS = {"/permission-requests", "/permission-requests/wamid.F1/delivered",
            "/permission-requests/wamid.F1/reply", "/permission/grant", "/permission/revoke", "/calls",
            "/calls/wacid.F1/outcome", "/user-calls"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20261124);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsGetProblemsAndRecordNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HttpRequest request = hostile(i);
            HttpResponse<String> answer;
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException refusedByServer) {
                continue; // the connection was closed on a request Tomcat would not read: nothing reached the ledger
            }
            answered++;
            String problem = check(answer);
            try {
                com.callpermissionledger.openapi.ApiContract.documented(port, answer);
            } catch (AssertionError undocumented) {
                problem = undocumented.getMessage();
            }
            if (problem != null) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + " -> " + problem);
            }
        }
        assertThat(failures).as("answers that were not a 4xx problem+json").isEmpty();
        assertThat(answered).as("requests the ledger answered (the rest were cut off by the server)")
                .isGreaterThanOrEqualTo(REQUESTS * 95 / 100);

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?"
                + " or aggregate_identifier = ?", Long.class, BUSINESS + ":%", "settings:" + BUSINESS)).isZero();
        List<byte[]> metadata = jdbc.query("select meta_data from domain_event_entry", (rs, n) -> rs.getBytes(1));
        for (byte[] meta : metadata) {
            assertThat(json.readTree(meta).path("client").asText()).as("an event caused by the fuzz").isNotEqualTo("fuzz");
        }
    }

    private String check(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500) {
            return status + " " + answer.body();
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
        String key = "test-fuzz-key";
        String method = "POST";
        String path = root + POSTS[random.nextInt(POSTS.length)];
        String contentType = "application/json";
        byte[] body;
        switch (i % 10) {
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
            default -> body = ("{\"requestId\":\"" + "x".repeat(17_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return request.build();
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
