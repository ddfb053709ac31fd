package com.callpermissionledger.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's metrics on Spring Boot's registry, with bounded capacity windows ({@link BoundedAxonMetrics}). */
@Configuration(proxyBeanMethods = false)
public class AxonMetrics {

    /** Static, as Axon's own: its metrics module configures Axon early, before this class is instantiated. */
    @Bean
    public static GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new BoundedAxonMetrics(meters, Clock.SYSTEM);
    }
}
