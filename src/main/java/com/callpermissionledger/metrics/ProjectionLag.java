package com.callpermissionledger.metrics;

import com.callpermissionledger.audit.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.projection.lag{processor}}: how many events each projection is behind the event store's
 * head, the same figure {@code GET /api/v1/admin/projections} shows. Registered once the processors exist.
 */
@Component
public class ProjectionLag {

    static final String NAME = "ledger.projection.lag";

    private final Projections projections;
    private final MeterRegistry registry;

    public ProjectionLag(Projections projections, MeterRegistry registry) {
        this.projections = projections;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (Projections.Status status : projections.list()) {
            Gauge.builder(NAME, () -> lagOf(status.name()))
                    .description("Events the projection has yet to process")
                    .baseUnit("events")
                    .tag("processor", status.name())
                    .register(registry);
        }
    }

    private double lagOf(String processor) {
        return projections.find(processor).map(Projections.Status::lag).map(Long::doubleValue).orElse(Double.NaN);
    }
}
