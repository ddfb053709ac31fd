package com.callpermissionledger.audit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDecorator;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.Map;

/**
 * An event with the chain's metadata added. Its payload is the event's own, serialized once: the bytes the
 * hash was computed over are the bytes stored. A new message would make the event store serialize the payload
 * a second time (docs/performance.md, change 20).
 */
final class ChainedMessage<T> extends MessageDecorator<T> {

    private final MetaData metaData;

    ChainedMessage(Message<T> event, MetaData metaData) {
        super(event);
        this.metaData = metaData;
    }

    @Override
    public MetaData getMetaData() {
        return metaData;
    }

    @Override
    public <S> SerializedObject<S> serializeMetaData(Serializer serializer, Class<S> expectedRepresentation) {
        return serializer.serialize(metaData, expectedRepresentation);
    }

    @Override
    public Message<T> withMetaData(Map<String, ?> replacement) {
        return new ChainedMessage<>(getDelegate(), MetaData.from(replacement));
    }

    @Override
    public Message<T> andMetaData(Map<String, ?> additional) {
        return new ChainedMessage<>(getDelegate(), metaData.mergedWith(additional));
    }
}
