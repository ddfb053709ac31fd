package com.callpermissionledger.api;

import com.callpermissionledger.http.Keys;
import com.callpermissionledger.http.Answer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edges found by probing the running ledger: multipart and form bodies, TRACE and OPTIONS, clock advances
 * too large or finer than a millisecond, request ids a path cannot carry. Each is a precise problem+json,
 * never a 5xx, and records nothing.
 */
class EdgeSpellingsApiTest extends HttpApiSupport {

    @Test
    void multipartAndFormBodiesAre413Or415AndRecordNothing() {
        Pair pair = newPair();
        byte[] large = multipart(900_000);

        Answer sized = send("POST", pair.path("/permission/grant"), "multipart/form-data; boundary=XyZ",
                HttpRequest.BodyPublishers.ofByteArray(large));
        Answer chunked = send("POST", pair.path("/permission/grant"), "multipart/form-data; boundary=XyZ",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));
        Answer small = send("POST", pair.path("/permission/grant"), "multipart/form-data; boundary=XyZ",
                HttpRequest.BodyPublishers.ofByteArray(multipart(10)));
        Answer form = send("PUT", pair.settingsPath(), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("callbackPermission=ENABLED"));

        assertProblem(sized, 413, "PAYLOAD_TOO_LARGE");
        assertProblem(chunked, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(small, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(form, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(events(pair.aggregateId())).isEmpty();
        assertThat(events("settings:" + pair.business())).isEmpty();
    }

    @Test
    void traceAndMadeUpMethodsAre405ProblemsAndOptionsIsNotAnsweredByAHandler() {
        Pair pair = newPair();

        assertProblem(send("TRACE", pair.path("/call-permission"), null, HttpRequest.BodyPublishers.noBody()), 405,
                "METHOD_NOT_ALLOWED");
        assertProblem(send("FOO", pair.path("/call-permission"), null, HttpRequest.BodyPublishers.noBody()), 405,
                "METHOD_NOT_ALLOWED");
        assertProblem(send("OPTIONS", pair.path("/call-permission"), null, HttpRequest.BodyPublishers.noBody()), 405,
                "METHOD_NOT_ALLOWED");
        assertThat(send("HEAD", pair.path("/call-permission"), null, HttpRequest.BodyPublishers.noBody()).status())
                .as("HEAD is GET without the body").isEqualTo(200);
    }

    @Test
    void clockAdvancesBeyondTheClockOrFinerThanAMillisecondAre400AndMoveNothing() {
        Instant before = now();

        for (String advance : new String[]{"PT2562047788015215H", "P36501D", "PT0.0000001S", "PT0.0015S", "PT-1S",
                "P1Y", "1000"}) {
            Answer answer = post("/api/v1/admin/clock", "{\"advance\":\"" + advance + "\"}");
            assertProblem(answer, 400, "INVALID_REQUEST");
        }
        assertThat(now()).as("no refused advance moved the clock").isEqualTo(before);

        Instant moved = advance(Duration.ofMillis(1));
        assertThat(moved).isEqualTo(before.plusMillis(1));
        assertThat(moved.getNano() % 1_000_000).as("whole milliseconds").isZero();
    }

    @Test
    void idsOfDotsAreRefusedInBodiesAndPaths() {
        Pair pair = newPair();
        for (String id : new String[]{".", "..", "..."}) {
            Answer request = post(pair.path("/permission-requests"), "{\"requestId\":\"" + id + "\",\"channel\":\"FREE_FORM\"}");
            Answer call = post(pair.path("/user-calls"), "{\"callId\":\"" + id + "\",\"outcome\":\"MISSED\"}");
            assertThat(assertProblem(request, 400, "INVALID_IDENTIFIER").path("field").asText()).isEqualTo("requestId");
            assertThat(assertProblem(call, 400, "INVALID_IDENTIFIER").path("field").asText()).isEqualTo("callId");
        }
        assertProblem(get(pair.path("/permission-requests/..")), 400, "REQUEST_REJECTED");
        assertProblem(get(pair.path("/permission-requests/.")), 400, "REQUEST_REJECTED");
        assertProblem(get(pair.path("/permission-requests/%2E%2E")), 400, "REQUEST_REJECTED");
        assertProblem(get(pair.path("/calls/%2e")), 400, "REQUEST_REJECTED");
        assertProblem(post(pair.path("/permission-requests/..%2F/reply"), "{\"response\":\"ACCEPT\"}"), 400,
                "INVALID_IDENTIFIER");
        assertThat(events(pair.aggregateId())).isEmpty();
    }

    @Test
    void aLimitedAdminKeyCannotEraseAUserOfAnotherBusiness() throws Exception {
        Pair pair = new Pair("7700003", "4" + unique());
        granted(pair);
        int before = events(pair).size();

        Answer answer = http().withKey(Keys.SCOPED_ADMIN).post("/api/v1/admin/erasures?business=7700001",
                "{\"business\":\"7700003\",\"user\":\"" + pair.user() + "\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("BUSINESS_NOT_ALLOWED");
        assertThat(events(pair)).as("the user's history is untouched").hasSize(before).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from erasure_log where erased_by = ?", Long.class,
                "scoped-admin")).isZero();
    }

    private static byte[] multipart(int size) {
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n";
        return (head + "x".repeat(size) + "\r\n--XyZ--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
