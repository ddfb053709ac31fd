package com.callpermissionledger.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Axon's metrics on Spring Boot's registry, with bounded capacity windows ({@link BoundedAxonMetrics}). */
@Configuration(proxyBeanMethods = false)
public class AxonMetrics {

    /**
     * Static, as Axon's own: its metrics module configures Axon early, before this class is instantiated. The
     * subscribing processors are left unmetered (see {@link BoundedAxonMetrics}).
     */
    @Bean
    public static GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters, EventProcessorProperties axon) {
        Set<String> subscribing = axon.getProcessors().entrySet().stream()
                .filter(p -> p.getValue().getMode() == EventProcessorProperties.Mode.SUBSCRIBING)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        return new BoundedAxonMetrics(meters, Clock.SYSTEM, subscribing);
    }
}
