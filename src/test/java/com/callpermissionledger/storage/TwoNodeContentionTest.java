package com.callpermissionledger.storage;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 calls at once on one pair, half to each of two nodes on one PostgreSQL, 20 rounds, each on a new pair.
 * The advisory lock decides them one after the other across nodes: exactly the cap placed, every other
 * call refused as an event, no 5xx, no command tried twice, and the hash chains intact.
 */
class TwoNodeContentionTest {

    private static final int CLIENTS = 64;
    private static final int ROUNDS = 20;

    @Test
    void sixtyFourCallsOnOnePairAcrossTwoNodesAreDecidedOneAfterTheOther() throws Exception {
        // the test is about who decides when, not about the disk: commits need not wait for the flush here
        try (Connection admin = DriverManager.getConnection(EmbeddedPostgresDatabase.jdbcUrl("contention"))) {
            admin.createStatement().execute("alter database contention set synchronous_commit = off");
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (LedgerNode a = node("contention-a"); LedgerNode b = node("contention-b")) {
            Map<String, Integer> total = new TreeMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, Integer> answers = ContendedPair.round(List.of(a, b), pool, CLIENTS, "646402",
                        "4964641" + String.format("%05d", round));
                answers.forEach((k, v) -> total.merge(k, v, Integer::sum));
            }
            assertThat(total).as("answers over all rounds").containsEntry("201", ROUNDS * ContendedPair.CAP);
            assertThat(total.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROUNDS * CLIENTS);
            for (LedgerNode node : List.of(a, b)) {
                double[] attempts = node.attempts();
                assertThat(attempts[0]).as("commands decided on node " + node.port).isPositive();
                assertThat(attempts[1]).as("attempts summed over %s commands", attempts[0]).isEqualTo(attempts[0]);
            }
            assertThat(a.getJson("/api/v1/events/verify").get("valid").asBoolean()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static LedgerNode node(String id) {
        return LedgerNode.start("--spring.profiles.active=test,postgres,embedded-postgres",
                "--embedded-postgres.database=contention", "--ledger.node-id=" + id,
                "--ledger.commands.busy-budget=PT60S");
    }
}
