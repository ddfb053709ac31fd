package com.callpermissionledger.benchmark;

import com.callpermissionledger.audit.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.util.List;

/** The node's streaming processors: stopped while the store is filled, then replayed and awaited. */
final class Processors {

    private final EventProcessingConfiguration processing;
    private final Projections projections;

    Processors(BenchmarkNode node) {
        this.processing = node.bean(EventProcessingConfiguration.class);
        this.projections = node.bean(Projections.class);
    }

    List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    void stopAll() {
        streaming().forEach(StreamingEventProcessor::shutDown);
    }

    void startAll() {
        streaming().forEach(StreamingEventProcessor::start);
    }

    /** Resets and replays one processor from the first event; answers the seconds until it has caught up. */
    double rebuild(String name, Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        if (!projections.rebuild(name)) {
            throw new IllegalStateException("no processor " + name);
        }
        awaitCaughtUp(name, patience);
        return (System.nanoTime() - start) / 1e9;
    }

    void awaitCaughtUp(String name, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var status = projections.find(name).orElseThrow();
            if (status.lag() != null && status.lag() == 0 && !status.replaying()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " still behind after " + patience + ": " + status);
            }
            Thread.sleep(20);
        }
    }

    void awaitAllCaughtUp(Duration patience) throws InterruptedException {
        for (StreamingEventProcessor processor : streaming()) {
            awaitCaughtUp(processor.getName(), patience);
        }
    }
}
