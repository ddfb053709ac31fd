package com.callpermissionledger.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An answer as it came over the wire, with the request it answers, so a failing assertion says both. */
public record Answer(String method, String path, int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " answered " + status + " with a body that is not JSON: "
                    + body, e);
        }
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " " + contentType() + " " + body;
    }
}
