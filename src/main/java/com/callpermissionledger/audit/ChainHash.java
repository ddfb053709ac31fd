package com.callpermissionledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence hash of one stored event: SHA-256 over the previous event's hash (64 zeros for the
 * first event of a stream), the stream id, the sequence number, the payload type and revision, the stored
 * payload bytes, the metadata that matters (client and correlation id) and the recording instant as stored,
 * each part length-prefixed so no two different inputs can be joined into the same bytes.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";

    private ChainHash() {
    }

    public static String of(String previousHash, String aggregateId, long sequence, String payloadType,
                            String payloadRevision, byte[] payload, String client, String correlationId,
                            String recordedAt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            part(digest, previousHash);
            part(digest, aggregateId);
            part(digest, Long.toString(sequence));
            part(digest, payloadType);
            part(digest, payloadRevision == null ? "" : payloadRevision);
            part(digest, payload);
            part(digest, client == null ? "" : client);
            part(digest, correlationId == null ? "" : correlationId);
            part(digest, recordedAt == null ? "" : recordedAt);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void part(MessageDigest digest, String value) {
        part(digest, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(MessageDigest digest, byte[] value) {
        digest.update(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(value);
    }
}
