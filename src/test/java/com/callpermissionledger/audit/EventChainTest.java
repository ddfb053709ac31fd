package com.callpermissionledger.audit;

import com.callpermissionledger.config.AxonSerialization;
import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.time.WallClock;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain hashes the payload's bytes once, and those bytes are the ones the event store writes. */
class EventChainTest {

    private final AxonSerialization serialization = new AxonSerialization();
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(serialization.defaultAxonObjectMapper())
            .revisionResolver(serialization.revisionResolver()).build();
    private final EventChain chain = new EventChain(null, serializer, null, null, new WallClock());

    @Test
    void theStoredPayloadIsTheHashedSerializationNotASecondOne() {
        PairId pair = new PairId("7601", "491760000001");
        Instant t = Instant.parse("2026-11-29T08:00:00Z");
        var event = new GenericDomainEventMessage<>("PairAggregate", pair.value(), 0,
                new PermissionRequestRefused(pair, t, "wamid.2", Channel.TEMPLATE, RefusalCode.REQUEST_LIMIT_24H,
                        "R-REQUEST-24H", t.plusSeconds(60), List.of(t, t.minusSeconds(60)), "whatsapp-v1"),
                MetaData.with(CommandOrigin.CLIENT, "dialer").and(CommandOrigin.CORRELATION_ID, "c-1"));
        SerializedObject<byte[]> hashed = event.serializePayload(serializer, byte[].class);

        EventMessage<?> chained = chain.handle(List.of(event)).apply(0, event);

        SerializedObject<byte[]> stored = chained.serializePayload(serializer, byte[].class);
        assertThat(stored.getData()).as("serialized once").isSameAs(hashed.getData());
        MetaData storedMeta = serializer.deserialize(chained.serializeMetaData(serializer, byte[].class));
        assertThat(storedMeta).containsEntry(CommandOrigin.CLIENT, "dialer")
                .containsEntry(ChainHash.PREVIOUS_HASH, ChainHash.GENESIS)
                .containsEntry(ChainHash.HASH, ChainHash.of(ChainHash.GENESIS, pair.value(), 0,
                        stored.getType().getName(), stored.getType().getRevision(), stored.getData(), "dialer", "c-1",
                        DateTimeUtils.formatInstant(chained.getTimestamp())));
        assertThat(chained.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(chained.andMetaData(MetaData.with("trace", "t")).getMetaData())
                .containsEntry(ChainHash.HASH, storedMeta.get(ChainHash.HASH)).containsEntry("trace", "t");
    }
}
