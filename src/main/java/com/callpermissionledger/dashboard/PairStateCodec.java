package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.state.PairState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Stores a folded {@link PairState} in a projection row; a changed shape only needs a projection rebuild. */
@Component
class PairStateCodec {

    private final ObjectMapper json;

    PairStateCodec(@Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        // helpers such as PermissionGrant.isPermanent() are written too; they are derived, so reading skips them
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    PairState read(String stored) {
        if (stored == null) {
            return PairState.EMPTY;
        }
        try {
            return json.readValue(stored, PairState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dashboard row holds an unreadable pair state; rebuild the projection", e);
        }
    }

    String write(PairState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pair state could not be written", e);
        }
    }
}
