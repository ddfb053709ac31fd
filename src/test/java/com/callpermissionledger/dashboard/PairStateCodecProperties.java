package com.callpermissionledger.dashboard;

import com.callpermissionledger.config.AxonSerialization;
import com.callpermissionledger.policy.Histories;
import com.callpermissionledger.policy.History;
import com.callpermissionledger.policy.state.PairState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard row's copy of the state is exact for every state the rules can reach, not only the examples. */
class PairStateCodecProperties {

    private final PairStateCodec codec = new PairStateCodec(new AxonSerialization().defaultAxonObjectMapper());

    @Property(tries = 100)
    void everyStateAHistoryPassesThroughReadsBackEqual(@ForAll(supplier = Histories.class) History history) {
        for (PairState state : history.states()) {
            assertThat(codec.read(codec.write(state))).isEqualTo(state);
        }
    }
}
