package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.state.PairState;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Stores a folded {@link PairState} in a projection row; a changed shape only needs a projection rebuild. */
@Component
class PairStateCodec {

    private final ObjectMapper json;

    PairStateCodec(@Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        // helpers such as PermissionGrant.isPermanent() are written too; they are derived, so reading skips them.
        // Instants as decimal seconds, exact to the nanosecond: parsing ISO text was most of the dashboard's
        // time under load (docs/performance.md, change 10); rows written as text still read. Nulls, empty
        // collections, zeros and false are left out and read back as such: the pair rows were nearly as large as
        // the events on PostgreSQL, and most pairs have few facts (changes 12 and 13)
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_DEFAULT);
        this.json.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        this.json.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
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
