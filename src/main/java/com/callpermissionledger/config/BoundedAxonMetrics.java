package com.callpermissionledger.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Axon's metrics with three changes. The {@code .capacity} gauges average over {@link #CAPACITY_WINDOW_SECONDS}
 * instead of Axon's 10 minutes. Axon keeps every handled message's duration for the whole window, one map
 * entry each, per processor and per bus: at a few thousand events a second that passed 150 MB and kept
 * growing in the full-scale benchmark, whose node then ran out of its 1 GiB heap (docs/performance.md,
 * change 7). The meters, their names and tags are Axon's own.
 * <p>
 * The subscribing processors get no meters: they handle each event inside the command's unit of work, which
 * the command bus's meters time, and Axon looks up about a dozen meters per event and processor, half of
 * the meter work on the command path (docs/performance.md, change 21).
 * <p>
 * Axon's timers publish latency buckets ({@link #LATENCY_BUCKETS}) instead of Axon's percentiles. Percentiles
 * computed in each node cannot be combined across nodes, and keeping them cost a histogram update per
 * message and timer, about a quarter of the meters' work on the command path (change 22).
 */
public class BoundedAxonMetrics extends GlobalMetricRegistry {

    static final long CAPACITY_WINDOW_SECONDS = 10;

    /** The upper bounds of the timers' buckets: an operator's thresholds, from "fast" to "an upstream timeout". */
    static final Duration[] LATENCY_BUCKETS = Stream.of(1, 5, 10, 25, 50, 100, 250, 1000, 5000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Set<String> unmetered;

    /** {@code unmetered}: the processors that get no meters (the subscribing ones). */
    public BoundedAxonMetrics(MeterRegistry registry, Clock clock, Set<String> unmetered) {
        super(registry);
        this.registry = registry;
        this.clock = clock;
        this.unmetered = Set.copyOf(unmetered);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponent(Class<?> componentType, String componentName) {
        return unmetered(componentType, componentName) ? NoOpMessageMonitor.INSTANCE
                : super.registerComponent(componentType, componentName);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                               String componentName) {
        return unmetered(componentType, componentName) ? NoOpMessageMonitor.INSTANCE
                : super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private boolean unmetered(Class<?> componentType, String componentName) {
        return EventProcessor.class.isAssignableFrom(componentType) && unmetered.contains(componentName);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, message -> Tags.empty(), message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name,
            Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(timer(name, tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(registry)
                        .tagsBuilder(latencyTags).build(),
                capacity(name, tags), MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return handlers(name, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name,
            Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name) {
        return handlers(name, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name,
            Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    private MessageMonitor<Message<?>> handlers(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(timer(name, tags), capacity(name, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags));
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String name) {
        return registerEventBus(name, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String name,
            Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(MessageCountingMonitor.buildMonitor(name, registry), timer(name, tags));
    }

    private MessageTimerMonitor timer(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return MessageTimerMonitor.builder().meterNamePrefix(name).meterRegistry(registry).clock(clock)
                .tagsBuilder(tags).timerCustomization(timer -> timer.publishPercentiles()
                        .serviceLevelObjectives(LATENCY_BUCKETS)).build();
    }

    private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return CapacityMonitor.buildMonitor(name, registry, CAPACITY_WINDOW_SECONDS, TimeUnit.SECONDS, clock, tags);
    }
}
