package com.callpermissionledger.durability;

import com.callpermissionledger.storage.EmbeddedPostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command answered with success survives a SIGKILL of the process, a command in flight at the kill
 * left nothing or its complete decision, the hash chains verify, and the projections catch up to exactly
 * what a full replay gives. The ledger runs as a real child process, with its default H2 file configuration
 * (./data under its working directory) or on a real PostgreSQL; four clients send at once (a permission
 * request, then an accepting reply: two events in one decision) until it is killed at a random instant;
 * it is restarted on the same data, on a port of its own choosing again (a port released by the killed
 * process is never reused, another process could have taken it).
 */
class KillNineDurabilityTest {

    private static final String BUSINESS = "4455667788";
    private static final String KEY = "durability-admin-key";
    private static final int CLIENTS = 4;
    /** The events of each step's decision: a request, then a reply that grants. */
    private static final List<List<String>> STEPS = List.of(List.of("PermissionRequested"),
            List.of("PermissionReplyRecorded", "PermissionGranted"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedCommandSurvivesSigkill(String store, @TempDir Path workDir) throws Exception {
        List<String> storage = store.equals("h2") ? List.of()
                : List.of("--spring.profiles.active=postgres", "--spring.datasource.username=postgres",
                "--spring.datasource.url=" + EmbeddedPostgresDatabase.jdbcUrl("sigkill_" + System.nanoTime()));
        Process ledger = start(workDir, storage);
        // per user: steps acknowledged, and the step in flight (sent, no answer) when the kill came, if any
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> inFlight = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        try {
            int port = awaitHealthy(workDir);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                sent.add(clients.submit(() -> {
                    for (int i = 0; !killed.get() && i < 100_000; i++) {
                        String user = Integer.toString(1_000_000 + client * 100_000 + i);
                        for (int step = 0; step < STEPS.size(); step++) {
                            int status = sendStep(port, user, step);
                            if (status == -1) {
                                inFlight.put(user, step);
                                return null;
                            }
                            if (status != (step == 0 ? 201 : 200)) {
                                throw new AssertionError("step " + step + " of " + user + " answered " + status);
                            }
                            acknowledged.put(user, step + 1);
                        }
                    }
                    return null;
                }));
            }
            // the kill comes at a random instant once the clients are under way
            long underWay = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acknowledged.size() < 6 && System.nanoTime() < underWay && sent.stream().noneMatch(Future::isDone)) {
                Thread.sleep(20);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(0, 2000));
            ledger.destroyForcibly();
            killed.set(true);
            for (Future<?> f : sent) {
                f.get();
            }
            clients.shutdown();
            ledger.waitFor();
        } finally {
            ledger.destroyForcibly();
        }
        assertThat(acknowledged).as("commands acknowledged before the kill").hasSizeGreaterThan(5);

        Process restarted = start(workDir, storage);
        try {
            int port = awaitHealthy(workDir);
            for (var entry : acknowledged.entrySet()) {
                List<String> types = historyTypes(port, entry.getKey());
                int done = entry.getValue();
                int flying = inFlight.containsKey(entry.getKey()) ? 1 : 0;
                assertThat(List.of(expected(done), expected(done + flying))).as("events of user %s, %d steps "
                        + "acknowledged, %d in flight", entry.getKey(), done, flying).contains(types);
            }
            for (var entry : inFlight.entrySet()) {
                if (!acknowledged.containsKey(entry.getKey())) {
                    assertThat(List.of(expected(0), expected(1))).as("events of user %s, in flight at the kill",
                            entry.getKey()).contains(historyTypes(port, entry.getKey()));
                }
            }
            JsonNode verdict = json.readTree(get(port, "/api/v1/events/verify").body());
            assertThat(verdict.get("valid").asBoolean()).as("the hash chains after the restart: " + verdict).isTrue();
            int pairs = acknowledged.size();
            awaitReplayDone(port); // caught up: every event up to the head is in the dashboard
            String caughtUp = awaitDashboard(port, pairs);
            assertThat(post(port, "/api/v1/admin/projections/dashboard/rebuild")).isEqualTo(202);
            awaitReplayDone(port);
            assertThat(awaitDashboard(port, pairs)).as("the dashboard after a full replay").isEqualTo(caughtUp);
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private static List<String> expected(int steps) {
        List<String> types = new ArrayList<>();
        STEPS.subList(0, steps).forEach(types::addAll);
        return types;
    }

    private List<String> historyTypes(int port, String user) throws Exception {
        HttpResponse<String> answer = get(port, pairRoot(user) + "/events");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        json.readTree(answer.body()).get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    /** Every pair row of the business, once the dashboard holds at least {@code pairs} of them. */
    private String awaitDashboard(int port, int pairs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode page = json.readTree(get(port, "/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=200").body());
            int total = page.path("total").asInt();
            if (total >= pairs || System.nanoTime() > deadline) {
                assertThat(total).as("pairs on the dashboard").isGreaterThanOrEqualTo(pairs);
                java.util.TreeMap<String, String> rows = new java.util.TreeMap<>();
                for (int p = 0; p * 200 < total; p++) {
                    json.readTree(get(port, "/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=200&page=" + p)
                            .body()).get("items").forEach(item -> rows.put(item.get("user").asText(), item.toString()));
                }
                return String.join("\n", rows.values());
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

    /** The log of the process started last; it names the port the process chose. */
    private Path log;

    /** Port 0: the process picks a free port and names it in its log. */
    private Process start(Path workDir, List<String> storage) throws IOException {
        log = workDir.resolve("ledger-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Ddisable-axoniq-console-message=true", "com.callpermissionledger.LedgerApplication",
                "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO",
                "--ledger.security.api-keys[0].key=" + KEY, "--ledger.security.api-keys[0].role=ADMIN"));
        command.addAll(storage);
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** The answer's status, or -1 when none came (the process was killed while it was in flight). */
    private int sendStep(int port, String user, int step) {
        String path = step == 0 ? "/permission-requests" : "/permission-requests/wamid." + user + "/reply";
        String body = step == 0 ? "{\"requestId\":\"wamid." + user + "\",\"channel\":\"TEMPLATE\"}"
                : "{\"response\":\"ACCEPT\"}";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pairRoot(user) + path))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30)).build();
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

    /** Waits for the port in the log of the process started last, then for a healthy answer on it. */
    private int awaitHealthy(Path workDir) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
        while (System.nanoTime() < deadline) {
            try {
                Matcher port = started.matcher(Files.readString(log));
                if (port.find()) {
                    int chosen = Integer.parseInt(port.group(1));
                    if (get(chosen, "/actuator/health").body().contains("\"UP\"")) {
                        return chosen;
                    }
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ledger did not become healthy within 300 s (" + workDir + ")");
    }

    private static String pairRoot(String user) {
        return "/api/v1/businesses/" + BUSINESS + "/users/" + user;
    }
}
