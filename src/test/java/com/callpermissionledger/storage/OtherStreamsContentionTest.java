package com.callpermissionledger.storage;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streams that are not pairs take the same road as pairs: 64 settings changes of one business at once,
 * and 32 webhook deliveries at once that each carry a change the ledger cannot read (recorded in the
 * business's {@code webhooks:} stream), 5 rounds each on one H2 node. Before they were serialised, two of
 * them could meet on one stream's next sequence number and the loser was answered 500.
 */
class OtherStreamsContentionTest {

    private static final int ROUNDS = 5;

    @Test
    void settingsChangesAndRejectedWebhookChangesOfOneBusinessAtOnceAreAll200() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try (LedgerNode node = LedgerNode.start("--spring.profiles.active=test", "--ledger.node-id=streams-node",
                "--ledger.commands.busy-budget=PT60S")) {
            JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
            for (int r = 0; r < ROUNDS; r++) {
                int round = r;
                String business = "6464" + String.format("%02d", round);
                Map<Integer, Integer> settings = atOnce(pool, 64, c -> node.put(
                        "/api/v1/businesses/" + business + "/settings",
                        "{\"callbackPermission\":\"" + (c % 2 == 0 ? "ENABLED" : "DISABLED") + "\"}"));
                assertThat(settings).as("round %d: settings answers", round).containsOnlyKeys(200);

                long epoch = node.bean(java.time.Clock.class).instant().getEpochSecond();
                Map<Integer, Integer> webhooks = atOnce(pool, 32, c -> node.post("/api/v1/webhooks/whatsapp",
                        unreadableReply(business, "wamid.R" + round + "-" + c, epoch)));
                assertThat(webhooks).as("round %d: webhook answers", round).containsOnlyKeys(200);
                assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%.WebhookChangeRejected'", Long.class, "webhooks:" + business))
                        .as("round %d: one rejected change recorded per delivery", round).isEqualTo(32);
            }
            double[] attempts = node.attempts();
            assertThat(attempts[1]).as("attempts summed over %s commands: none needed a second", attempts[0])
                    .isEqualTo(attempts[0]);
            assertThat(node.getJson("/api/v1/events/verify").get("valid").asBoolean()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code clients} requests released together; answers counted by status. */
    private static Map<Integer, Integer> atOnce(ExecutorService pool, int clients,
                                                IntFunction<HttpResponse<String>> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            sent.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return request.apply(client);
            }));
        }
        ready.await();
        go.countDown();
        Map<Integer, Integer> answers = new TreeMap<>();
        for (Future<HttpResponse<String>> answer : sent) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isLessThan(500);
            answers.merge(response.statusCode(), 1, Integer::sum);
        }
        return answers;
    }

    /** A permission reply whose response is neither accept nor reject: recorded as a rejected change. */
    private static String unreadableReply(String business, String messageId, long epochSecond) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550009999\","
                + "\"phone_number_id\":\"" + business + "\"},\"messages\":[{\"from\":\"4915112345678\",\"id\":\""
                + messageId + "\",\"timestamp\":\"" + epochSecond + "\",\"type\":\"interactive\",\"interactive\":"
                + "{\"type\":\"call_permission_reply\",\"call_permission_reply\":{\"response\":\"maybe\","
                + "\"response_source\":\"user_action\"}}}]}}]}]}";
    }
}
