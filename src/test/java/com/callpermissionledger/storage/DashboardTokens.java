package com.callpermissionledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the dashboard stands, read from the shared token table rather than from one node's processors
 * (a node reports only the segments it claimed). Caught up when every segment has passed the last event
 * and holds no gap where an event is stored: a gap is an event that committed after the ones around it,
 * and a token that has moved past it has not applied it yet.
 */
final class DashboardTokens {

    private DashboardTokens() {
    }

    /** A segment's position: the highest index seen, and the indexes below it not seen yet. */
    private record Position(long index, List<Long> gaps) {
    }

    static void awaitCaughtUp(JdbcTemplate jdbc, Duration patience) throws InterruptedException {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Position> positions = jdbc.query("select token from token_entry where processor_name = 'dashboard'",
                    (rs, n) -> position(rs.getBytes(1)));
            if (!positions.isEmpty() && positions.stream().allMatch(p -> p != null && p.index() >= head
                    && p.gaps().stream().noneMatch(gap -> isStored(jdbc, gap)))) {
                return;
            }
            assertThat(System.nanoTime()).as("dashboard segments at %s reach position %d with no stored event in a gap",
                    positions, head).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A gap may also be an index no event will ever have (a transaction rolled back after taking it). */
    private static boolean isStored(JdbcTemplate jdbc, long globalIndex) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index = ?", Long.class,
                globalIndex) > 0;
    }

    /** The position of a gap-aware token, also inside a replay token; null before the first event. */
    private static Position position(byte[] token) {
        if (token == null) {
            return null;
        }
        try {
            JsonNode node = LedgerNode.JSON.readTree(token);
            while (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            if (!node.has("index")) {
                return null;
            }
            List<Long> gaps = new ArrayList<>();
            node.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            return new Position(node.get("index").asLong(), gaps);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
