package com.callpermissionledger.storage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 calls at once on one pair of one node on H2, 20 rounds, each on a new pair. The pair lock decides
 * them one after the other: exactly the cap placed, every other call refused as an event, no 5xx, and no
 * command needed a second attempt (a lock released before the events were committed would show here).
 */
class OneNodeContentionTest {

    private static final int CLIENTS = 64;
    private static final int ROUNDS = 20;

    @Test
    void sixtyFourCallsOnOnePairAreDecidedOneAfterTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (LedgerNode node = LedgerNode.start("--spring.profiles.active=test", "--ledger.node-id=h2-node",
                // on a shared 2-core machine 64 serial commands can take seconds; a 503 would be a valid answer,
                // but this test is about the cap, so every command waits its turn
                "--ledger.commands.busy-budget=PT60S")) {
            Map<String, Integer> total = new TreeMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, Integer> answers = ContendedPair.round(List.of(node), pool, CLIENTS, "646401",
                        "4964640" + String.format("%05d", round));
                answers.forEach((k, v) -> total.merge(k, v, Integer::sum));
            }
            assertThat(total).as("answers over all rounds").containsEntry("201", ROUNDS * ContendedPair.CAP);
            assertThat(total.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROUNDS * CLIENTS);
            double[] attempts = node.attempts();
            assertThat(attempts[1]).as("attempts summed over %s commands", attempts[0]).isEqualTo(attempts[0]);
            assertThat(node.getJson("/api/v1/events/verify").get("valid").asBoolean()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
