package com.callpermissionledger.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP: grant a fresh pair, then place calls on it; every answer must be a success. */
final class HttpLoad {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    HttpLoad(int port) {
        this.port = port;
    }

    void placeCall(long n) throws Exception {
        String root = "http://localhost:" + port + "/api/v1/businesses/77003/users/" + (n / 3);
        if (n % 3 == 0) {
            post(root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}", 200);
        } else {
            post(root + "/calls", "{\"callId\":\"wacid." + n + "\"}", 201);
        }
    }

    private void post(String url, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", ThroughputBenchmark.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
