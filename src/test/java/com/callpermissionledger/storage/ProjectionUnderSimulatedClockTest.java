package com.callpermissionledger.storage;

import com.callpermissionledger.time.SimulatedClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 concurrent writers (a grant, then a call, on new pairs) on one node whose simulated clock starts years
 * in the past and either stands still or jumps ahead while they write; then every dashboard table is
 * compared row for row with a full rebuild from the event store, 10 runs in a row. Concurrent transactions
 * leave gaps in the global index that are filled late; a projection that gave up on such a gap because the
 * events looked old by their (simulated) stamp would miss the late event for good.
 */
class ProjectionUnderSimulatedClockTest {

    private static final int WRITERS = 8;
    private static final int PAIRS_PER_WRITER = 4;
    private static final int RUNS = 10;
    private static final List<String> TABLES = List.of("dashboard_pair", "dashboard_request", "dashboard_call",
            "dashboard_refused_request");

    @Test
    void aFrozenClockInThePastLosesNoEvent() throws Exception {
        runs(false);
    }

    @Test
    void aJumpingClockLosesNoEvent() throws Exception {
        runs(true);
    }

    private void runs(boolean jumping) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try (LedgerNode node = LedgerNode.start("--spring.profiles.active=test,simulation",
                "--ledger.simulation.start=2020-01-06T09:00:00Z", "--ledger.node-id=projection-" + jumping)) {
            for (int run = 0; run < RUNS; run++) {
                write(node, pool, jumping, (jumping ? "6602" : "6601") + String.format("%02d", run));
                List<List<Map<String, Object>>> live = caughtUpTables(node);
                assertThat(node.post("/api/v1/admin/projections/dashboard/rebuild", "").statusCode()).isBetween(200, 204);
                List<List<Map<String, Object>>> rebuilt = caughtUpTables(node);
                for (int t = 0; t < TABLES.size(); t++) {
                    assertThat(live.get(t)).as("run %d: %s, live against rebuilt", run, TABLES.get(t))
                            .containsExactlyElementsOf(rebuilt.get(t));
                }
                assertThat(live.get(0)).as("run %d: pairs projected", run).hasSizeGreaterThanOrEqualTo(
                        (run + 1) * WRITERS * PAIRS_PER_WRITER);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(LedgerNode node, ExecutorService pool, boolean jumping, String business) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                go.await();
                for (int p = 0; p < PAIRS_PER_WRITER; p++) {
                    String root = "/api/v1/businesses/" + business + "/users/49660" + writer + String.format("%05d", p);
                    for (HttpResponse<String> answer : List.of(
                            node.post(root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}"),
                            node.post(root + "/calls", "{\"callId\":\"wacid.p" + p + "\"}"))) {
                        answers.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Future<?> clockMover = pool.submit(() -> {
            go.await();
            while (jumping && writing.get()) {
                long minutes = ThreadLocalRandom.current().nextLong(1, 6 * 60);
                assertThat(node.post("/api/v1/admin/clock", "{\"advance\":\"PT" + minutes + "M\"}").statusCode())
                        .isEqualTo(200);
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
            }
            return null;
        });
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        clockMover.get();
        assertThat(answers.keySet()).as("answers: " + answers).allMatch(status -> status < 500);
        awaitNoExpiryDue(node);
    }

    /** A jump may make grants fall due: wait until the sweeper recorded them, so nothing is written any more. */
    private static void awaitNoExpiryDue(LedgerNode node) throws InterruptedException {
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        var now = java.sql.Timestamp.from(node.bean(SimulatedClock.class).instant());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("select count(*) from due_expiry where due_at <= ?", Long.class, now) > 0) {
            assertThat(System.nanoTime()).as("the sweeper records what fell due").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits until every dashboard segment has committed its token past the last stored event, then reads every table. */
    private static List<List<Map<String, Object>>> caughtUpTables(LedgerNode node) throws InterruptedException {
        DashboardTokens.awaitCaughtUp(node.bean(JdbcTemplate.class), Duration.ofSeconds(120));
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        List<List<Map<String, Object>>> tables = new ArrayList<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
            rows.sort(java.util.Comparator.comparing(Object::toString));
            tables.add(rows);
        }
        return tables;
    }
}
