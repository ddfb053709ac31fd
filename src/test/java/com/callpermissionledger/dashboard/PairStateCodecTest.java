package com.callpermissionledger.dashboard;

import com.callpermissionledger.config.AxonSerialization;
import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.state.CallRecord;
import com.callpermissionledger.policy.state.HeldSpan;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;
import com.callpermissionledger.policy.state.RequestRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard row's copy of the folded state: exact, cheap to read, and readable in its earlier form. */
class PairStateCodecTest {

    private static final Instant SENT = Instant.parse("2026-11-28T09:15:02.123456789Z");

    private final ObjectMapper axonJson = new AxonSerialization().defaultAxonObjectMapper();
    private final PairStateCodec codec = new PairStateCodec(axonJson);

    private final PairState state = new PairState(
            new PermissionGrant(GrantSource.REQUEST, PermissionKind.TEMPORARY, SENT.plusSeconds(60),
                    SENT.plusSeconds(60 + 7 * 86_400), "wamid.reply", "whatsapp-v1"),
            LedgerState.GRANTED,
            Map.of("wamid.1", new RequestRecord("wamid.1", Channel.TEMPLATE, SENT, SENT.plusNanos(1),
                    ReplyResponse.ACCEPT, false, SENT.plusSeconds(60), SENT.plusSeconds(86_400), null, null, 0)),
            List.of(SENT),
            Map.of("call-1", new CallRecord("call-1", SENT.plusSeconds(120), CallOutcome.UNANSWERED,
                    SENT.plusSeconds(150))),
            Map.of(), 1, false, SENT.plusSeconds(150), "whatsapp-v1", SENT.plusSeconds(60),
            List.of(new HeldSpan(SENT.minusSeconds(86_400), SENT.minusSeconds(3_600))));

    /** A pair with one request pending: most of what a state can hold is absent, empty, zero or false. */
    private final PairState requested = new PairState(null, LedgerState.REQUESTED,
            Map.of("wamid.1", new RequestRecord("wamid.1", Channel.TEMPLATE, SENT, null, null, false, null,
                    SENT.plusSeconds(86_400), null, null, 0)),
            List.of(SENT), Map.of(), Map.of(), 0, false, SENT, "whatsapp-v1", null, List.of());

    @Test
    void aStateReadBackEqualsTheStateWrittenToTheNanosecond() {
        assertThat(codec.read(codec.write(state))).isEqualTo(state);
    }

    @Test
    void instantsAreStoredAsDecimalSecondsNotAsText() {
        String stored = codec.write(state);

        assertThat(stored).contains("\"sentAt\":" + SENT.getEpochSecond() + ".123456789")
                .doesNotContain("2026-11-28T");
    }

    @Test
    void absentFactsAreLeftOutOfTheRowAndReadBackAsAbsent() {
        String stored = codec.write(requested);

        assertThat(stored).doesNotContain("null").doesNotContain("deliveredAt").doesNotContain("runStartedAt");
        assertThat(codec.read(stored)).isEqualTo(requested);
    }

    @Test
    void emptyCollectionsZerosAndFalseAreLeftOutAndReadBackAsSuch() {
        String stored = codec.write(requested);

        assertThat(stored).doesNotContain("{}").doesNotContain("[]").doesNotContain("false")
                .doesNotContain("\"order\"").doesNotContain("consecutiveMisses");
        assertThat(codec.read(stored)).isEqualTo(requested);
        assertThat(codec.write(PairState.EMPTY)).isEqualTo("{\"lastChange\":\"NONE\"}");
        assertThat(codec.read(codec.write(PairState.EMPTY))).isEqualTo(PairState.EMPTY);
    }

    @Test
    void aRowWrittenBeforeWithInstantsAsTextStillReads() throws Exception {
        String earlier = axonJson.writeValueAsString(state);

        assertThat(earlier).contains("\"sentAt\":\"2026-11-28T09:15:02.123456789Z\"");
        assertThat(codec.read(earlier)).isEqualTo(state);
    }
}
