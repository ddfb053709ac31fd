package com.callpermissionledger.dashboard;

import com.callpermissionledger.config.AxonSerialization;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.state.PairState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A state comes from memory only while the row holds the very text written with it. */
class RecentPairStatesTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00.000000001Z");

    private final RecentPairStates states = new RecentPairStates(
            new PairStateCodec(new AxonSerialization().defaultAxonObjectMapper()), new SimpleMeterRegistry());

    private static PairState stateAt(Instant at) {
        return new PairState(null, LedgerState.REQUESTED, Map.of(), List.of(at), Map.of(), Map.of(), 0, false, at,
                "whatsapp-v1", null, List.of());
    }

    @Test
    void theRowsOwnTextGivesBackTheStateWrittenWithoutParsingIt() {
        PairState state = stateAt(AT);
        String text = states.write("1555|u1", state);

        assertThat(states.read("1555|u1", new String(text))).isSameAs(state);
    }

    @Test
    void aRowHoldingOtherTextIsParsed() {
        String earlier = states.write("1555|u1", stateAt(AT));
        PairState later = stateAt(AT.plusSeconds(5));
        states.write("1555|u1", later);

        // the later write rolled back: the row still holds the earlier text
        PairState read = states.read("1555|u1", earlier);

        assertThat(read).isEqualTo(stateAt(AT)).isNotSameAs(later);
    }

    @Test
    void anotherPairsTextIsNeverTakenForThisPairs() {
        PairState state = stateAt(AT);
        String text = states.write("1555|u1", state);

        assertThat(states.read("1555|u2", text)).isEqualTo(state).isNotSameAs(state);
    }

    @Test
    void anEmptyRowAndAForgottenStateAreReadFromTheirText() {
        PairState state = stateAt(AT);
        String text = states.write("1555|u1", state);
        states.forgetAll();

        assertThat(states.read("1555|u1", null)).isSameAs(PairState.EMPTY);
        assertThat(states.read("1555|u1", text)).isEqualTo(state).isNotSameAs(state);
    }
}
