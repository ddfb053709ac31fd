package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.callpermissionledger.http.ProblemAssertions.assertProblem;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus}: the meters docs/operations.md tells operators to watch and alert on. */
class MetricsApiTest extends HttpApiSupport {

    private static final String REFUSED_CALLS =
            "ledger_refusals_total{code=\"NO_PERMISSION\",rule=\"R-PERMISSION-REQUIRED\"}";
    private static final String PLACE_CALL_TIMINGS = "commandBus_allTimer_seconds_count{payloadType=\"PlaceCall\"}";
    private static final String AGGREGATE_HITS = "cache_gets_total{cache=\"pair-aggregates\",result=\"hit\"}";
    private static final String CALL_APPENDS = "eventStore_allTimer_seconds_count{payloadType=\"CallRefused\"}";

    @Test
    void eachRefusalIsCountedOnceByRuleAndCode() {
        Pair pair = newPair();
        double refusedBefore = sample(scrape(), REFUSED_CALLS);
        double timedBefore = sample(scrape(), PLACE_CALL_TIMINGS);

        assertProblem(placeCall(pair, "wacid.m1"), 403, "NO_PERMISSION");
        assertProblem(placeCall(pair, "wacid.m2"), 403, "NO_PERMISSION");

        String after = scrape();
        assertThat(sample(after, REFUSED_CALLS)).isEqualTo(refusedBefore + 2);
        assertThat(sample(after, PLACE_CALL_TIMINGS)).isEqualTo(timedBefore + 2);
        assertThat(after).as("latency in buckets, which sum across nodes")
                .containsPattern("(?m)^commandBus_allTimer_seconds_bucket\\{"
                        + "(?=[^}]*le=\"0\\.025\")(?=[^}]*payloadType=\"PlaceCall\")")
                .as("no percentiles computed in the node").doesNotContainPattern("(?m)^commandBus_allTimer_seconds\\{[^}]*quantile=");
    }

    @Test
    void aDuplicateIsNotARefusal() {
        Pair pair = newPair();
        grant(pair, false);
        assertOk(placeCall(pair, "wacid.d1"), 201);
        double refusedBefore = total(scrape(), "ledger_refusals_total");

        assertOk(placeCall(pair, "wacid.d1"), 201);

        assertThat(total(scrape(), "ledger_refusals_total")).isEqualTo(refusedBefore);
    }

    @Test
    void appendLatencyAndProjectionLagArePublished() {
        Pair pair = newPair();
        assertProblem(placeCall(pair, "wacid.l1"), 403, "NO_PERMISSION");

        String metrics = scrape();
        assertThat(sample(metrics, CALL_APPENDS)).isPositive();
        assertThat(metrics).as("Axon's own meters, through BoundedAxonMetrics")
                .containsPattern("(?m)^commandBus_capacity\\{[^}]*payloadType=\"PlaceCall\"[^}]*} \\S+$");
        eventually(Duration.ofSeconds(30), "the dashboard projection catches up",
                () -> sample(scrape(), "ledger_projection_lag_events{processor=\"dashboard\"}") == 0);
        assertThat(scrape()).as("the subscribing processors run inside the command and have no meters of their own")
                .contains("processorName=\"dashboard\"").doesNotContain("processorName=\"due-expiries\"")
                .doesNotContain("processorName=\"business-settings\"");
        assertThat(Thread.getAllStackTraces().keySet()).as("each processor reads its own stream (PrivateEventStreams),"
                + " so Axon's shared producer never starts").noneMatch(t -> t.getName().startsWith("EmbeddedEventStore"));
    }

    @Test
    void theCachedPairsPublishTheirHitsAndStaleCopies() {
        Pair pair = newPair();
        grant(pair, false);
        double hits = sample(scrape(), AGGREGATE_HITS);

        assertOk(placeCall(pair, "wacid.h1"), 201);

        String after = scrape();
        // at least: the sweeper may decide due expiries of other tests' pairs meanwhile
        assertThat(sample(after, AGGREGATE_HITS)).as("the call was decided on the cached pair")
                .isGreaterThanOrEqualTo(hits + 1);
        assertThat(after).containsPattern("(?m)^ledger_pair_cache_stale_total \\S+$");
    }

    @Test
    void requestsAreTimedOnceNotOncePerSecurityFilter() {
        assertProblem(placeCall(newPair(), "wacid.o1"), 403, "NO_PERMISSION");

        String metrics = scrape();
        assertThat(metrics).as("each request is timed").containsPattern("(?m)^http_server_requests_seconds_count\\{");
        assertThat(metrics).as("Spring Security's observations, which timed every filter of every request, are off")
                .doesNotContain("spring_security_");
    }

    private String scrape() {
        Answer answer = get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    /** The value of one exact series, or 0 when it has not been registered yet. */
    private static double sample(String exposition, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static double total(String exposition, String metric) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{[^}]*} (\\S+)$").matcher(exposition);
        double sum = 0;
        while (line.find()) {
            sum += Double.parseDouble(line.group(1));
        }
        return sum;
    }
}
