package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.InvalidIdentifierException;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.PairCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a delivery into ledger facts, item by item, in the order sent. Every item is tried: one that cannot
 * be read or applied is recorded for auditors ({@link BadChanges}) and the others still count. Every fact
 * is idempotent, so a redelivery (the platform retries for days) changes nothing.
 */
@Service
public class WebhookIntake {

    private final ObjectMapper json;
    private final MessageChanges messages;
    private final CallChanges calls;
    private final FactSink sink;
    private final BadChanges bad;
    private final SettingsChanges settings;
    private final WebhookMeters meters;

    WebhookIntake(MessageChanges messages, CallChanges calls, FactSink sink, BadChanges bad,
                  SettingsChanges settings, WebhookMeters meters) {
        this.json = WebhookJson.MAPPER;
        this.messages = messages;
        this.calls = calls;
        this.sink = sink;
        this.bad = bad;
        this.settings = settings;
        this.meters = meters;
    }

    public WebhookReport receive(Envelope envelope) {
        Tally tally = new Tally();
        for (Envelope.Entry entry : envelope.entries()) {
            for (Envelope.Change change : entry.all()) {
                String field = change.field() == null ? "" : change.field();
                WebhookReport before = tally.report();
                try {
                    switch (field) {
                        case "messages" -> messages(read(change, MessagesValue.class), change.value(), tally);
                        case "calls" -> calls(read(change, CallsValue.class), change.value(), tally);
                        case "account_settings_update" -> settings(read(change, SettingsValue.class), entry, tally);
                        default -> tally.ignored++;
                    }
                } catch (BadChangeException | InvalidIdentifierException e) {
                    bad.record(BadChanges.businessOf(change.value()), field, e.getMessage(), change.value(), tally);
                }
                meters.changes(field, before, tally.report());
            }
        }
        return tally.report();
    }

    private void messages(MessagesValue value, JsonNode raw, Tally tally) {
        String business = business(value.metadata());
        each(business, "messages", value.messages(), raw.path("messages"), m -> messages.message(business, value, m),
                tally);
        each(business, "messages", value.statuses(), raw.path("statuses"),
                s -> "call".equalsIgnoreCase(s.type()) ? calls.status(business, s)
                        : messages.status(business, s, tally),
                tally);
    }

    private void calls(CallsValue value, JsonNode raw, Tally tally) {
        String business = business(value.metadata());
        each(business, "calls", value.statuses(), raw.path("statuses"), s -> calls.status(business, s), tally);
        each(business, "calls", value.calls(), raw.path("calls"), c -> calls.event(business, value, c), tally);
    }

    private <T> void each(String business, String field, List<T> items, JsonNode raw, Function<T, PairCommand> fact,
                          Tally tally) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            arrived(field, raw.path(i).path("timestamp"));
            try {
                int counted = tally.held + tally.unchanged;
                PairCommand command = fact.apply(items.get(i));
                if (command != null) {
                    sink.send(command, tally);
                } else if (counted == tally.held + tally.unchanged) {
                    tally.ignored++; // unless the item was held for later (or already held)
                }
            } catch (BadChangeException | InvalidIdentifierException e) {
                bad.record(business, field, e.getMessage(), raw.path(i), tally);
            }
        }
    }

    private void settings(SettingsValue value, Envelope.Entry entry, Tally tally) {
        arrived("account_settings_update", value.timestamp() != null ? value.timestamp() : entry.time());
        Boolean recorded = settings.change(value, entry.time());
        if (recorded == null) {
            tally.ignored++;
        } else if (recorded) {
            tally.recorded++;
        } else {
            tally.unchanged++;
        }
    }

    /** An item's delay is measured whatever becomes of it; an unreadable timestamp is the item's own error. */
    private void arrived(String field, JsonNode timestamp) {
        try {
            Instant at = PlatformTime.of(timestamp, "timestamp");
            if (at != null) {
                meters.arrived(field, at);
            }
        } catch (BadChangeException unreadable) {
            // the item is rejected with this reason when it is handled
        }
    }

    private static String business(MessagesValue.Metadata metadata) {
        if (metadata == null || metadata.phoneNumberId() == null) {
            throw new BadChangeException("value.metadata.phone_number_id is missing");
        }
        PairId.requireValidBusiness(metadata.phoneNumberId());
        return metadata.phoneNumberId();
    }

    private <T> T read(Envelope.Change change, Class<T> type) {
        if (change.value() == null || !change.value().isObject()) {
            throw new BadChangeException("the change has no value object");
        }
        try {
            return json.treeToValue(change.value(), type);
        } catch (java.io.IOException e) {
            throw new BadChangeException("the value does not have the documented shape: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
        }
    }
}
