package com.callpermissionledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the dashboard stands, read from the shared token table rather than from one node's processors
 * (a node reports only the segments it claimed): caught up when every segment has passed the last event.
 */
final class DashboardTokens {

    private DashboardTokens() {
    }

    static void awaitCaughtUp(JdbcTemplate jdbc, Duration patience) throws InterruptedException {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Long> positions = jdbc.query("select token from token_entry where processor_name = 'dashboard'",
                    (rs, n) -> position(rs.getBytes(1)));
            if (!positions.isEmpty() && positions.stream().allMatch(p -> p != null && p >= head)) {
                return;
            }
            assertThat(System.nanoTime()).as("dashboard segments at %s reach position %d", positions, head)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The index of a gap-aware token, also inside a replay token; null before the first event. */
    private static Long position(byte[] token) {
        if (token == null) {
            return null;
        }
        try {
            JsonNode node = LedgerNode.JSON.readTree(token);
            while (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            return node.has("index") ? node.get("index").asLong() : null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
