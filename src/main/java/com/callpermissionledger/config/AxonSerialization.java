package com.callpermissionledger.config;

import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.state.CallRecord;
import com.callpermissionledger.policy.state.HeldSpan;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;
import com.callpermissionledger.policy.state.RequestRecord;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.List;

/**
 * Events are a storage format, so Axon gets an ObjectMapper of its own: a web-layer Jackson setting must
 * never change what is written to the event store. Revisions come from {@link EventRevision}, which keeps
 * the event records free of Axon imports.
 */
@Configuration
public class AxonSerialization {

    /**
     * Axon looks this bean up by name. The folded state's records also go through it (pair snapshots, the
     * dashboard's rows); they are derived data, and reading them skips what their helpers such as
     * {@code PermissionGrant.isPermanent()} add when written.
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List.of(PairState.class, PermissionGrant.class, RequestRecord.class, CallRecord.class, HeldSpan.class)
                .forEach(state -> mapper.addMixIn(state, DerivedPropertiesSkipped.class));
        return mapper;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private interface DerivedPropertiesSkipped {
    }

    /**
     * The web layer's mapper, built from Spring Boot's {@code spring.jackson.*} settings, and stricter than
     * Jackson's defaults: a number or boolean where text is expected is an error, never turned into an id.
     */
    @Bean
    @Primary
    public ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper = builder.build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    @Bean
    public RevisionResolver revisionResolver() {
        AnnotationRevisionResolver axonAnnotation = new AnnotationRevisionResolver();
        return payloadType -> {
            EventRevision revision = payloadType.getAnnotation(EventRevision.class);
            return revision != null ? revision.value() : axonAnnotation.revisionOf(payloadType);
        };
    }
}
