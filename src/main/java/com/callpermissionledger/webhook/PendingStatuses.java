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
    /** Who sent a held status is not kept with it. */
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
            jdbc.update("insert into webhook_pending_status (business, pair_user, message_id, status, occurred_at) "
                    + "values (?, ?, ?, ?, ?)", pair.business(), pair.user(), messageId, status, Timestamp.from(at));
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
        CommandOrigin.with(UNKNOWN_CLIENT, correlationId, () -> {
            apply(event.pairId(), event.requestId());
            return null;
        });
    }

    /** Applies the kept statuses of one request in the platform's order, then forgets them. */
    void apply(PairId pair, String messageId) {
        List<PairCommand> facts = jdbc.query("select status, occurred_at from webhook_pending_status "
                        + "where business = ? and pair_user = ? and message_id = ? order by occurred_at, status",
                (row, i) -> {
                    Instant at = row.getTimestamp("occurred_at").toInstant();
                    return "failed".equals(row.getString("status")) ? (PairCommand) new MarkRequestFailed(pair,
                            messageId, at) : new MarkRequestDelivered(pair, messageId, at);
                }, pair.business(), pair.user(), messageId);
        for (PairCommand fact : facts) {
            ledger.handle(fact);
        }
        if (!facts.isEmpty()) {
            jdbc.update("delete from webhook_pending_status where business = ? and pair_user = ? and message_id = ?",
                    pair.business(), pair.user(), messageId);
        }
    }
}
