package com.callpermissionledger.storage;

import com.callpermissionledger.LedgerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A complete ledger (Spring context with its HTTP server) started in this JVM, driven over real HTTP. */
final class LedgerNode implements AutoCloseable {

    static final String KEY = "test-admin-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final ConfigurableApplicationContext context;
    final int port;

    private LedgerNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static LedgerNode start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--logging.level.root=WARN";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new LedgerNode(new SpringApplicationBuilder(LedgerApplication.class).run(all));
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode getJson(String path) {
        try {
            return JSON.readTree(get(path).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attempts all pair commands of this node needed: count and sum (equal when none was tried twice), max. */
    double[] attempts() {
        var summary = context.getBean(MeterRegistry.class).get("ledger.command.attempts").summary();
        return new double[] {summary.count(), summary.totalAmount(), summary.max()};
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("X-Api-Key", KEY).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + request.build().uri(), e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
