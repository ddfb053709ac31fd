package com.callpermissionledger.audit;

import com.callpermissionledger.pair.CommandOrigin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Recomputes hash chains over events fed in stream and sequence order. Each event's hash is recomputed
 * from its stored bytes and the recomputed hash of its predecessor, so an edited payload, an edited
 * hash, and a removed or inserted event all break the chain at the first event affected.
 */
final class ChainCheck {

    private final ObjectMapper json;
    private String stream;
    private String previous;
    private long expectedSequence;
    private long checked;
    private Long brokenSequence;
    private String brokenStream;

    ChainCheck(ObjectMapper json) {
        this.json = json;
    }

    void accept(StoredEvent e) {
        checked++;
        if (!e.stream().equals(stream)) {
            stream = e.stream();
            previous = ChainHash.GENESIS;
            expectedSequence = 0;
        }
        JsonNode meta = metadata(e.metadata());
        String recomputed = ChainHash.of(previous, e.stream(), e.sequence(), e.payloadType(), e.payloadRevision(),
                e.payload(), text(meta, CommandOrigin.CLIENT), text(meta, CommandOrigin.CORRELATION_ID), e.recordedAt());
        boolean intact = e.sequence() == expectedSequence && recomputed.equals(text(meta, ChainHash.HASH))
                && previous.equals(text(meta, ChainHash.PREVIOUS_HASH));
        if (!intact && brokenSequence == null) {
            brokenSequence = e.sequence();
            brokenStream = e.stream();
        }
        previous = recomputed;
        expectedSequence = e.sequence() + 1;
    }

    ChainVerdict verdict() {
        return new ChainVerdict(brokenSequence == null, checked, brokenSequence, brokenStream);
    }

    private JsonNode metadata(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
