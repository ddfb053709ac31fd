package com.callpermissionledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One round of the contention tests: a pair with permission, then {@code clients} calls on it sent at
 * once, spread over the nodes. Every answer must be a placed call (201), a cap refusal (429
 * CALL_LIMIT_24H) or, documented but not expected here, 503 LEDGER_BUSY; the store must hold exactly
 * one CallPlaced per 201, one CallRefused per 429 and nothing for a 503, and exactly the cap was placed.
 */
final class ContendedPair {

    static final int CAP = 5;

    private ContendedPair() {
    }

    /** Answers seen, by status and code, e.g. {@code 429 CALL_LIMIT_24H=59}. */
    static Map<String, Integer> round(List<LedgerNode> nodes, ExecutorService pool, int clients, String business,
                                      String user) throws Exception {
        String root = "/api/v1/businesses/" + business + "/users/" + user;
        assertThat(nodes.get(0).post(root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}").statusCode())
                .isEqualTo(200);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            LedgerNode node = nodes.get(c % nodes.size());
            String body = "{\"callId\":\"wacid." + user + "-" + c + "\"}";
            sent.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return node.post(root + "/calls", body);
            }));
        }
        ready.await();
        go.countDown();

        Map<String, Integer> answers = new TreeMap<>();
        Set<String> placed = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        for (int c = 0; c < clients; c++) {
            HttpResponse<String> answer = sent.get(c).get();
            String callId = "wacid." + user + "-" + c;
            String code = answer.statusCode() == 201 ? "" : " " + LedgerNode.JSON.readTree(answer.body()).path("code").asText();
            answers.merge(answer.statusCode() + code, 1, Integer::sum);
            switch (answer.statusCode() + code) {
                case "201" -> placed.add(callId);
                case "429 CALL_LIMIT_24H" -> refused.add(callId);
                case "503 LEDGER_BUSY" -> assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                default -> throw new AssertionError("an undocumented answer " + answer.statusCode() + ": " + answer.body());
            }
        }
        assertThat(placed).as("exactly the cap is placed; answers: " + answers).hasSize(CAP);

        JdbcTemplate jdbc = nodes.get(0).bean(JdbcTemplate.class);
        Set<String> placedEvents = new TreeSet<>();
        Set<String> refusedEvents = new TreeSet<>();
        jdbc.query("select payload_type, payload from domain_event_entry where aggregate_identifier = ?", rs -> {
            String type = rs.getString(1);
            JsonNode payload = readTree(rs.getBytes(2));
            if (type.endsWith(".CallPlaced")) {
                placedEvents.add(payload.get("callId").asText());
            } else if (type.endsWith(".CallRefused")) {
                refusedEvents.add(payload.get("callId").asText());
            }
        }, business + ":" + user);
        assertThat(placedEvents).as("one CallPlaced per 201").isEqualTo(placed);
        assertThat(refusedEvents).as("one CallRefused per 429, nothing for a 503").isEqualTo(refused);
        return answers;
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return LedgerNode.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
