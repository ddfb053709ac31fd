package com.callpermissionledger.webhook;

import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.event.PermissionRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A {@code delivered}, {@code read} or {@code failed} status may reach the ledger before upstream has
 * recorded the request it is about (both travel separately). Such a status is kept, dated by the platform,
 * and applied once the request with that message id is recorded, so the no-response clock still runs from
 * the platform's instant. Statuses name every message a business sends, most of them no request, so one not
 * claimed within {@link #KEPT} of its own instant is dropped.
 */
@Component
@ProcessingGroup("webhook-pending-statuses")
class PendingStatuses {

    static final Duration KEPT = Duration.ofDays(1);
    /** The client of a status held before the ledger kept who sent it (migration V8). */
    private static final String UNKNOWN_CLIENT = "unknown";

    private final JdbcTemplate jdbc;
    private final PairLedger ledger;
    private final Clock clock;

    PendingStatuses(JdbcTemplate jdbc, PairLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Keeps a status of a message the ledger does not know yet; true when it was not already kept. */
    boolean hold(PairId pair, String messageId, String status, Instant at) {
        jdbc.update("delete from webhook_pending_status where occurred_at < ?",
                Timestamp.from(clock.instant().minus(KEPT)));
        try {
            jdbc.update("insert into webhook_pending_status (business, pair_user, message_id, status, occurred_at, "
                    + "client) values (?, ?, ?, ?, ?, ?)", pair.business(), pair.user(), messageId, status,
                    Timestamp.from(at), CommandOrigin.current().get(CommandOrigin.CLIENT));
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    /**
     * Runs after the request's events are committed, on the processor's own thread; the statuses it applies
     * carry the request's correlation id, so an auditor finds them with the request.
     */
    @EventHandler
    void on(PermissionRequested event, @MetaDataValue(CommandOrigin.CORRELATION_ID) String correlationId) {
        apply(event.pairId(), event.requestId(), correlationId);
    }

    /** {@link #apply(PairId, String, String)} within the current command's correlation. */
    void apply(PairId pair, String messageId) {
        apply(pair, messageId, CommandOrigin.current().get(CommandOrigin.CORRELATION_ID));
    }

    /**
     * Applies the kept statuses of one request in the platform's order, each as sent by the client that sent
     * it, with the given correlation id; then forgets them.
     */
    void apply(PairId pair, String messageId, String correlationId) {
        List<HeldStatus> facts = jdbc.query("select status, occurred_at, client from webhook_pending_status "
                        + "where business = ? and pair_user = ? and message_id = ? order by occurred_at, status",
                (row, i) -> {
                    Instant at = row.getTimestamp("occurred_at").toInstant();
                    PairCommand fact = "failed".equals(row.getString("status"))
                            ? new MarkRequestFailed(pair, messageId, at)
                            : new MarkRequestDelivered(pair, messageId, at);
                    String client = row.getString("client");
                    return new HeldStatus(fact, client == null ? UNKNOWN_CLIENT : client);
                }, pair.business(), pair.user(), messageId);
        for (HeldStatus held : facts) {
            CommandOrigin.with(held.client(), correlationId, () -> ledger.handle(held.fact()));
        }
        if (!facts.isEmpty()) {
            jdbc.update("delete from webhook_pending_status where business = ? and pair_user = ? and message_id = ?",
                    pair.business(), pair.user(), messageId);
        }
    }

    private record HeldStatus(PairCommand fact, String client) {
    }
}
