package com.callpermissionledger.config;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The capacity gauges hold a processor's handling times for 10 s, not Axon's 10 minutes: the measure of
 * what they cost in heap (one entry per message for the whole window).
 */
class BoundedAxonMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BoundedAxonMetrics metrics = new BoundedAxonMetrics(meters, clock, Set.of("due-expiries"));

    @Test
    void aProcessorsCapacityIsItsBusyShareOfTheLastTenSecondsAndForgetsOlderMessages() {
        MessageMonitor<? super EventMessage<?>> monitor = metrics.registerEventProcessor("dashboard",
                message -> Tags.empty(), message -> Tags.empty());

        handle(monitor, Duration.ofSeconds(1));

        assertThat(capacity()).as("1 s busy in a 10 s window").isCloseTo(0.1, within(1e-9));
        clock.add(BoundedAxonMetrics.CAPACITY_WINDOW_SECONDS + 1, TimeUnit.SECONDS);
        assertThat(capacity()).as("nothing kept past the window").isZero();
    }

    @Test
    void theCommandBusCapacityHasTheSameWindow() {
        var monitor = metrics.registerCommandBus("commandBus", message -> Tags.empty());

        var callback = monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("a command"));
        clock.add(2, TimeUnit.SECONDS);
        callback.reportSuccess();

        assertThat(meters.get("commandBus.capacity").gauge().value()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void theTimersCountLatencyIntoBucketsAndComputeNoPercentiles() {
        var command = metrics.registerCommandBus("commandBus", message -> Tags.empty())
                .onMessageIngested(GenericCommandMessage.asCommandMessage("a command"));
        var event = metrics.registerEventBus("eventStore", message -> Tags.empty())
                .onMessageIngested(GenericEventMessage.asEventMessage("an event"));
        clock.add(Duration.ofMillis(30));
        command.reportSuccess();
        event.reportSuccess();

        for (String timer : List.of("commandBus.allTimer", "eventStore.allTimer")) {
            var snapshot = meters.get(timer).timer().takeSnapshot();
            assertThat(snapshot.percentileValues()).as(timer + ": no percentiles computed in the node").isEmpty();
            assertThat(snapshot.histogramCounts()).as(timer)
                    .extracting(bucket -> bucket.bucket(TimeUnit.MILLISECONDS), CountAtBucket::count)
                    .contains(tuple(25.0, 0.0), tuple(50.0, 1.0), tuple(5000.0, 1.0))
                    .hasSize(BoundedAxonMetrics.LATENCY_BUCKETS.length);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnmeteredProcessorRegistersNoMeter() {
        for (var monitor : List.of(metrics.registerComponentWithDefaultTags(SubscribingEventProcessor.class, "due-expiries"),
                metrics.registerComponent(SubscribingEventProcessor.class, "due-expiries"))) {
            handle((MessageMonitor<? super EventMessage<?>>) monitor, Duration.ofMillis(5));
        }

        assertThat(meters.getMeters()).isEmpty();
    }

    private void handle(MessageMonitor<? super EventMessage<?>> monitor, Duration busy) {
        var callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("an event"));
        clock.add(busy);
        callback.reportSuccess();
    }

    private double capacity() {
        return meters.get("dashboard.capacity").gauge().value();
    }
}
