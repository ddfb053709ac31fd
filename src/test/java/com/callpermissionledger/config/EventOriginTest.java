package com.callpermissionledger.config;

import com.callpermissionledger.pair.CommandOrigin;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's origin goes to the events it causes; an event's metadata is never read for it. */
class EventOriginTest {

    private final EventOrigin origin = new EventOrigin();

    @Test
    void aCommandGivesItsClientAndTheCallersCorrelationId() {
        var command = GenericCommandMessage.asCommandMessage("send")
                .withMetaData(Map.of(CommandOrigin.CLIENT, "dialer", CommandOrigin.CORRELATION_ID, "c-1"));

        assertThat(origin.correlationDataFor(command)).isEqualTo(Map.of(CommandOrigin.CLIENT, "dialer",
                CommandOrigin.CORRELATION_ID, "c-1"));
    }

    @Test
    void aCommandWithoutACallersIdIsCorrelatedByItsOwnId() {
        var command = GenericCommandMessage.asCommandMessage("send");

        assertThat(origin.correlationDataFor(command)).isEqualTo(Map.of(CommandOrigin.CLIENT, "unknown",
                CommandOrigin.CORRELATION_ID, command.getIdentifier()));
    }

    @Test
    void anEventGivesNothingAndItsMetadataIsNotRead() {
        var event = new GenericEventMessage<>("granted", MetaData.with(CommandOrigin.CLIENT, "dialer")) {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("an event's metadata was read");
            }
        };

        assertThat(origin.correlationDataFor(event)).isEmpty();
    }
}
