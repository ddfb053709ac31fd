package com.callpermissionledger.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ChainHash as its javadoc describes it, without Spring. */
class ChainHashTest {

    private static final byte[] PAYLOAD = "{\"callId\":\"wacid.1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String RECORDED = "2026-11-24T08:00:00.000Z";
    private static final String TYPE = "com.callpermissionledger.policy.event.CallPlaced";

    @Test
    void isTheDocumentedLengthPrefixedSha256() throws Exception {
        String hash = ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "crm", "corr-1", RECORDED);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String part : List.of("64:" + "0".repeat(64), "4:7:49", "1:3", TYPE.length() + ":" + TYPE, "1:1",
                PAYLOAD.length + ":" + new String(PAYLOAD, StandardCharsets.UTF_8), "3:crm", "6:corr-1", RECORDED.length() + ":" + RECORDED)) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(digest.digest())).matches("[0-9a-f]{64}");
        assertThat(ChainHash.GENESIS).isEqualTo("0".repeat(64));
        assertThat(ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD.clone(), "crm", "corr-1", RECORDED))
                .as("deterministic").isEqualTo(hash);
    }

    @Test
    void everyPartMatters() {
        byte[] other = "{\"callId\":\"wacid.2\"}".getBytes(StandardCharsets.UTF_8);
        Set<String> hashes = new HashSet<>(List.of(
                ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "crm", "corr", RECORDED),
                ChainHash.of("1".repeat(64), "7:49", 3, TYPE, "1", PAYLOAD, "crm", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:48", 3, TYPE, "1", PAYLOAD, "crm", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:49", 4, TYPE, "1", PAYLOAD, "crm", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE + "X", "1", PAYLOAD, "crm", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "2", PAYLOAD, "crm", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", other, "crm", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "crn", "corr", RECORDED),
                ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "crm", "cors", RECORDED)));
        assertThat(hashes).hasSize(9);
    }

    @Test
    void movingBytesBetweenPartsChangesTheHash() {
        assertThat(ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "ab", "c", RECORDED))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "a", "bc", RECORDED));
        assertThat(ChainHash.of(ChainHash.GENESIS, "7:4", 93, TYPE, "1", PAYLOAD, "crm", "corr", RECORDED))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, "7:49", 3, TYPE, "1", PAYLOAD, "crm", "corr", RECORDED));
    }
}
