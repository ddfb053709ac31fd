package com.callpermissionledger.durability;

import com.callpermissionledger.storage.EmbeddedPostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command answered with success survives a SIGKILL of the process, and the projections catch up to
 * exactly what a full replay gives. The ledger runs as a real child process, with its default H2 file
 * configuration (./data under its working directory) or on a real PostgreSQL; it is killed while a client
 * is sending, restarted on the same data, every acknowledged command is read back, and the dashboard is
 * compared before and after a rebuild from all events.
 */
class KillNineDurabilityTest {

    private static final String BUSINESS = "4455667788";
    private static final String KEY = "durability-admin-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedCommandSurvivesSigkill(String store, @TempDir Path workDir) throws Exception {
        List<String> storage = store.equals("h2") ? List.of()
                : List.of("--spring.profiles.active=postgres", "--spring.datasource.username=postgres",
                "--spring.datasource.url=" + EmbeddedPostgresDatabase.jdbcUrl("sigkill_" + System.nanoTime()));
        int port = freePort();
        Process ledger = start(workDir, port, storage);
        List<String> acknowledged = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        try {
            awaitHealthy(port);
            Thread killer = new Thread(() -> {
                sleep(1500);
                ledger.destroyForcibly();
                killed.set(true);
            });
            killer.start();
            for (int i = 0; !killed.get() && i < 100_000; i++) {
                String user = Integer.toString(1_000_000 + i);
                if (sendRequest(port, user) == 201) {
                    acknowledged.add(user);
                }
            }
            killer.join();
            ledger.waitFor();
        } finally {
            ledger.destroyForcibly();
        }
        assertThat(acknowledged).as("commands acknowledged before the kill").hasSizeGreaterThan(5);

        Process restarted = start(workDir, port, storage);
        try {
            awaitHealthy(port);
            for (String user : acknowledged) {
                HttpResponse<String> answer = get(port, pairRoot(user) + "/permission-requests/wamid." + user);
                assertThat(answer.statusCode()).as("request of acknowledged user %s", user).isEqualTo(200);
                assertThat(answer.body()).contains("\"requestId\":\"wamid." + user + "\"");
            }
            String caughtUp = awaitDashboard(port, acknowledged.size());
            assertThat(post(port, "/api/v1/admin/projections/dashboard/rebuild")).isEqualTo(202);
            awaitReplayDone(port);
            assertThat(awaitDashboard(port, acknowledged.size())).as("the dashboard after a full replay").isEqualTo(caughtUp);
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    /** Every pair row of the business, once the dashboard holds at least {@code pairs} of them. */
    private String awaitDashboard(int port, int pairs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode page = json.readTree(get(port, "/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=200").body());
            int total = page.path("total").asInt();
            if (total >= pairs || System.nanoTime() > deadline) {
                assertThat(total).as("pairs on the dashboard").isGreaterThanOrEqualTo(pairs);
                StringBuilder rows = new StringBuilder();
                for (int p = 0; p * 200 < total; p++) {
                    rows.append(json.readTree(get(port, "/api/v1/dashboard/pairs?business=" + BUSINESS
                            + "&size=200&page=" + p).body()).get("items"));
                }
                return rows.toString();
            }
            Thread.sleep(250);
        }
    }

    private void awaitReplayDone(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode dashboard = null;
            for (JsonNode p : json.readTree(get(port, "/api/v1/admin/projections").body())) {
                if (p.get("name").asText().equals("dashboard")) {
                    dashboard = p;
                }
            }
            if (dashboard != null && !dashboard.get("replaying").asBoolean() && dashboard.path("lag").asLong(-1) == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the dashboard replay did not finish within 60 s");
    }

    private Process start(Path workDir, int port, List<String> storage) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Ddisable-axoniq-console-message=true", "com.callpermissionledger.LedgerApplication",
                "--server.port=" + port, "--logging.level.root=WARN",
                "--ledger.security.api-keys[0].key=" + KEY, "--ledger.security.api-keys[0].role=ADMIN"));
        command.addAll(storage);
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("ledger-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private int sendRequest(int port, String user) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pairRoot(user)
                            + "/permission-requests"))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"requestId\":\"wamid." + user + "\",\"channel\":\"TEMPLATE\"}"))
                    .timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int post(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ledger did not become healthy within 90 s");
    }

    private static String pairRoot(String user) {
        return "/api/v1/businesses/" + BUSINESS + "/users/" + user;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
