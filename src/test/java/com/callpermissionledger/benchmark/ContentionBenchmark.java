package com.callpermissionledger.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contended commands over HTTP on one H2 file database with the production settings: 64 clients calling
 * one pair (the pair changes every 64 commands, so its history stays as short as in the spread case), and
 * 64 clients each on a pair of its own. Reports answers per second, p50 and p99 latency, the answers seen
 * and the most attempts any command needed (meter {@code ledger.command.attempts}). Not part of
 * {@code verify}: {@code ./mvnw -B test -Dtest=ContentionBenchmark -Dsurefire.excludedGroups=none}; the
 * figures go to {@code target/contention-benchmark.md} and, by hand, to docs/performance-history.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class ContentionBenchmark {

    private static final String KEY = "benchmark-admin-key";
    private static final int CLIENTS = 64;
    private static final long CELL_MILLIS = Long.getLong("benchmark.cell-millis", 10_000);

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("ledger-contention");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0");
        registry.add("ledger.security.api-keys[0].key", () -> KEY);
        registry.add("ledger.security.api-keys[0].role", () -> "ADMIN");
        registry.add("ledger.security.rate-limit.per-second", () -> "1000000");
        registry.add("server.tomcat.threads.max", () -> "200");
    }

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong sequence = new AtomicLong();
    private static final AtomicLong CLIENT_IDS = new AtomicLong(100);

    @Test
    void measure() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(cell("64 clients on one pair", true));
        rows.add(cell("64 clients over 64 pairs", false));
        String table = "| load | answers/s | p50 ms | p99 ms | most attempts | answers |\n| --- | --- | --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target", "contention-benchmark.md"), table);
        assertThat(rows).hasSize(2);
    }

    private String cell(String what, boolean onePair) throws Exception {
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        double[] before = attemptBuckets();
        ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> new long[] {CLIENT_IDS.getAndIncrement(), 0});
        Load.Result result = Load.each(CLIENTS, CELL_MILLIS, n -> {
            long[] client = mine.get();
            long own = client[1]++;
            long command = sequence.getAndIncrement();
            // one pair: all clients on the pair of the moment; spread: each client on its own pair
            long round = onePair ? command / CLIENTS : own / CLIENTS;
            boolean first = onePair ? command % CLIENTS == 0 : own % CLIENTS == 0;
            String root = "http://localhost:" + port + "/api/v1/businesses/" + (onePair ? "77005" : "77006")
                    + "/users/49" + (onePair ? "" : client[0] + "0") + round;
            HttpResponse<String> answer = first ? post(root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}")
                    : post(root + "/calls", "{\"callId\":\"wacid." + command + "\"}");
            answers.computeIfAbsent(Integer.toString(answer.statusCode()), s -> new AtomicInteger()).incrementAndGet();
            if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
                throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body());
            }
        });
        double[] after = attemptBuckets();
        double[] bounds = {1, 2, 3, 5, 10, 20, 50};
        String most = "over 50";
        for (int b = 0; b < bounds.length; b++) {
            double below = after[b] - before[b];
            if (below == after[after.length - 1] - before[before.length - 1]) {
                most = b == 0 ? "1" : "≤ " + (int) bounds[b];
                break;
            }
        }
        return String.format("| %s | %,.0f | %.1f | %.1f | %s | %s |", what, result.perSecond(), result.p50Millis(),
                result.p99Millis(), most, new TreeMap<>(answers));
    }

    /** Cumulative counts at or below 1, 2, 3, 5, 10, 20, 50 attempts, then the total count. */
    private double[] attemptBuckets() {
        var snapshot = meters.get("ledger.command.attempts").summary().takeSnapshot();
        CountAtBucket[] buckets = snapshot.histogramCounts();
        double[] counts = new double[buckets.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = buckets[i].count();
        }
        counts[buckets.length] = snapshot.count();
        return counts;
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
