package com.callpermissionledger.storage;

import com.callpermissionledger.expiry.ExpirySweeper;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two complete ledger nodes, each with its own token owner, on one PostgreSQL, driven concurrently on the
 * same pairs over HTTP: clients see successes and cap refusals (checked by code), never a 5xx; the call cap
 * holds across nodes; the hash chains stay intact; an expiry both nodes see fall due is recorded once; and
 * what each node's dashboard shows equals what it shows after the dashboard is rebuilt from every event
 * (the nodes read the same tables, so comparing them with each other would prove nothing).
 */
class TwoNodesTest {

    private static final String BUSINESS = "616161";
    private static final int PAIRS = 4;
    private static final String CACHED = "/api/v1/businesses/" + BUSINESS + "/users/491616008888";
    private static final String EXPIRING = "/api/v1/businesses/" + BUSINESS + "/users/491616009999";

    @Test
    void twoNodesShareTheLedgerWithoutBreakingARule() throws Exception {
        try (LedgerNode a = node("node-a"); LedgerNode b = node("node-b")) {
            List<LedgerNode> nodes = List.of(a, b);
            eachNodeDecidesOnWhatTheOtherRecorded(a, b);
            for (int p = 0; p < PAIRS; p++) {
                assertThat(nodes.get(p % 2).post(pair(p) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}")
                        .statusCode()).isEqualTo(200);
            }
            var answers = new ConcurrentHashMap<String, AtomicInteger>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                sent.add(clients.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        HttpResponse<String> answer = nodes.get(client % 2).post(pair(i % PAIRS) + "/calls",
                                "{\"callId\":\"wacid.n" + client + "-" + i + "\"}");
                        String code = answer.statusCode() == 201 ? ""
                                : " " + LedgerNode.JSON.readTree(answer.body()).path("code").asText();
                        answers.computeIfAbsent(answer.statusCode() + code, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            clients.shutdown();
            assertThat(answers.keySet()).as("answers seen: " + answers).isSubsetOf("201", "429 CALL_LIMIT_24H");
            assertThat(answers.get("201").get()).as("the cap, 5 per pair").isEqualTo(5 * PAIRS);
            assertThat(answers.get("429 CALL_LIMIT_24H").get()).isEqualTo(8 * 12 - 5 * PAIRS);

            JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
            for (int p = 0; p < PAIRS; p++) {
                assertThat(count(jdbc, user(p), "CallPlaced")).isEqualTo(5);
                assertThat(count(jdbc, user(p), "CallRefused")).isEqualTo(24 - 5);
            }

            // an expiry falls due on both nodes at once: both sweepers race, it is recorded once
            assertThat(a.post(EXPIRING + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}").statusCode())
                    .isEqualTo(200);
            for (LedgerNode node : nodes) {
                assertThat(node.post("/api/v1/admin/clock", "{\"advance\":\"PT169H\"}").statusCode()).isEqualTo(200);
            }
            awaitNothingDue(jdbc);
            for (LedgerNode node : nodes) {
                node.bean(ExpirySweeper.class).sweep(); // a sweep that starts now finds nothing left to record
            }
            assertThat(count(jdbc, "491616009999", "PermissionExpired")).as("recorded once across nodes").isEqualTo(1);
            assertThat(a.getJson("/api/v1/events/verify").get("valid").asBoolean()).isTrue();

            // each node's dashboard against a rebuild from every event
            DashboardTokens.awaitCaughtUp(jdbc, Duration.ofSeconds(120));
            Map<LedgerNode, String> before = Map.of(a, dashboard(a), b, dashboard(b));
            assertThat(LedgerNode.JSON.readTree(before.get(a)).get("total").asInt()).isEqualTo(PAIRS + 2);
            dashboardProcessor(b).shutDown(); // gives up its segments, so that node a can reset them all
            assertThat(a.post("/api/v1/admin/projections/dashboard/rebuild", "").statusCode()).isBetween(200, 204);
            DashboardTokens.awaitCaughtUp(jdbc, Duration.ofSeconds(120));
            dashboardProcessor(b).start();
            for (LedgerNode node : nodes) {
                assertThat(dashboard(node)).as("node %s: its dashboard, then rebuilt", node.port)
                        .isEqualTo(before.get(node));
            }
        }
    }

    /**
     * Node a holds the pair folded in its caches (a command and a status query went through it); node b
     * then records a call and a revocation. Node a's next answers come from what b recorded: the call's
     * outcome is taken (not 404 for a call a's copy never saw) and the status says the permission is gone.
     */
    private static void eachNodeDecidesOnWhatTheOtherRecorded(LedgerNode a, LedgerNode b) throws Exception {
        assertThat(a.post(CACHED + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}").statusCode()).isEqualTo(200);
        assertThat(status(a)).isEqualTo("temporary");

        assertThat(b.post(CACHED + "/calls", "{\"callId\":\"wacid.on-b\"}").statusCode()).isEqualTo(201);
        assertThat(a.post(CACHED + "/calls/wacid.on-b/outcome", "{\"outcome\":\"CONNECTED\"}").statusCode())
                .as("node a knows the call node b placed").isEqualTo(200);
        assertThat(b.post(CACHED + "/permission/revoke", "{\"source\":\"BUSINESS_PROFILE\"}").statusCode())
                .isEqualTo(200);
        assertThat(status(a)).as("node a's status query after node b's revocation").isEqualTo("no_permission");
    }

    private static String status(LedgerNode node) {
        return node.getJson(CACHED + "/call-permission").get("permission").get("status").asText();
    }

    /** The sweepers delete a pair's due row once they recorded its expiry. */
    private static void awaitNothingDue(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("select count(*) from due_expiry where pair_id = ?", Long.class,
                BUSINESS + ":491616009999") > 0) {
            assertThat(System.nanoTime()).as("a sweeper records the expiry").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long count(JdbcTemplate jdbc, String user, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Long.class, BUSINESS + ":" + user, "%." + type);
    }

    private static StreamingEventProcessor dashboardProcessor(LedgerNode node) {
        return node.bean(EventProcessingConfiguration.class)
                .eventProcessor("dashboard", StreamingEventProcessor.class).orElseThrow();
    }

    private static String dashboard(LedgerNode node) {
        JsonNode pairs = node.getJson("/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=50");
        JsonNode calls = node.getJson("/api/v1/dashboard/calls?business=" + BUSINESS + "&size=200");
        return pairs + "\n" + calls;
    }

    private static LedgerNode node(String id) {
        return LedgerNode.start("--spring.profiles.active=test,simulation,postgres,embedded-postgres",
                "--embedded-postgres.database=two_nodes", "--ledger.node-id=" + id);
    }

    private static String pair(int p) {
        return "/api/v1/businesses/" + BUSINESS + "/users/" + user(p);
    }

    private static String user(int p) {
        return "49161600000" + p;
    }
}
