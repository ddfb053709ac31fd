package com.callpermissionledger.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Every command answered with success survives a SIGKILL of the process. The ledger runs as a real
 * child process with its default H2 file configuration (./data under its working directory); it is
 * killed while a client is sending, restarted on the same files, and every acknowledged command is read back.
 */
class KillNineDurabilityTest {

    private static final String BUSINESS = "4455667788";
    private static final String KEY = "durability-admin-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedCommandSurvivesSigkill(@TempDir Path workDir) throws Exception {
        int port = freePort();
        Process ledger = start(workDir, port);
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

        Process restarted = start(workDir, port);
        try {
            awaitHealthy(port);
            for (String user : acknowledged) {
                HttpResponse<String> answer = get(port, pairRoot(user) + "/permission-requests/wamid." + user);
                assertThat(answer.statusCode()).as("request of acknowledged user %s", user).isEqualTo(200);
                assertThat(answer.body()).contains("\"requestId\":\"wamid." + user + "\"");
            }
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private Process start(Path workDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Ddisable-axoniq-console-message=true", "com.callpermissionledger.LedgerApplication",
                "--server.port=" + port, "--logging.level.root=WARN",
                "--ledger.security.api-keys[0].key=" + KEY, "--ledger.security.api-keys[0].role=ADMIN")
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

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", KEY)
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
