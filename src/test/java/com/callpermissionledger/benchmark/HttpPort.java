package com.callpermissionledger.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Over real HTTP with an API key, through every filter; the label is the status code. A 5xx other than 503 fails the cell. */
final class HttpPort implements LedgerPort {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    HttpPort(int port) {
        this.base = "http://localhost:" + port + "/api/v1/businesses/";
    }

    @Override
    public String status(String business, String user) throws Exception {
        return get(base + business + "/users/" + user + "/call-permission");
    }

    /** The trivial authenticated GET the status query is compared with. */
    String settings(String business) throws Exception {
        return get(base + business + "/settings");
    }

    @Override
    public String request(String business, String user, String requestId) throws Exception {
        return post(pair(business, user) + "/permission-requests",
                "{\"requestId\":\"" + requestId + "\",\"channel\":\"TEMPLATE\"}");
    }

    @Override
    public String delivered(String business, String user, String requestId) throws Exception {
        return post(pair(business, user) + "/permission-requests/" + requestId + "/delivered", "{}");
    }

    @Override
    public String reply(String business, String user, String requestId) throws Exception {
        return post(pair(business, user) + "/permission-requests/" + requestId + "/reply", "{\"response\":\"ACCEPT\"}");
    }

    @Override
    public String grant(String business, String user) throws Exception {
        return post(pair(business, user) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
    }

    @Override
    public String placeCall(String business, String user, String callId) throws Exception {
        return post(pair(business, user) + "/calls", "{\"callId\":\"" + callId + "\"}");
    }

    @Override
    public String outcome(String business, String user, String callId) throws Exception {
        return post(pair(business, user) + "/calls/" + callId + "/outcome", "{\"outcome\":\"CONNECTED\"}");
    }

    private String pair(String business, String user) {
        return base + business + "/users/" + user;
    }

    private static String get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static String post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> answer = HTTP.send(request.header("X-Api-Key", BenchmarkNode.KEY)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
            throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Integer.toString(answer.statusCode());
    }
}
