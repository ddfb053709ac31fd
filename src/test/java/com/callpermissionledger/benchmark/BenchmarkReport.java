package com.callpermissionledger.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the rows of one run and writes them as {@code target/benchmark/ledger-benchmark.{json,md}}. */
final class BenchmarkReport {

    private final BenchmarkScale scale;
    private final Instant started;
    private final List<Row> rows = new ArrayList<>();

    BenchmarkReport(BenchmarkScale scale, Instant started) {
        this.scale = scale;
        this.started = started;
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println(markdown(row));
    }

    /** The storage limit's rate for this store and client count, measured earlier in the run. */
    synchronized double limit(Store store, int clients) {
        return rows.stream().filter(r -> r.store().equals(store.name()) && r.section().equals(StorageLimit.SECTION)
                        && r.clients() != null && r.clients() == clients).mapToDouble(Row::perSecond).findFirst()
                .orElseThrow(() -> new IllegalStateException("no storage limit measured for " + store + " at " + clients));
    }

    /** The rate of an earlier row of this store whose description starts with {@code what}. */
    synchronized double rate(Store store, String section, String what, int clients) {
        return rows.stream().filter(r -> r.store().equals(store.name()) && r.section().equals(section)
                        && r.what().startsWith(what) && r.clients() != null && r.clients() == clients)
                .mapToDouble(Row::perSecond).findFirst()
                .orElseThrow(() -> new IllegalStateException("no row " + what + " for " + store + " at " + clients));
    }

    synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scale", scale);
        document.put("started", started.toString());
        document.put("machine", machine());
        document.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("ledger-benchmark.json").toFile(), document);
        StringBuilder text = new StringBuilder("# Ledger benchmark, ").append(started).append(", scale ")
                .append(scale.name()).append("\n\n").append(machine()).append("\n\nMix: ").append(MixStep.describe())
                .append(".\n\n| store | section | what | clients | ops/s | of limit | p50 ms | p99 ms | p99.9 ms | value | note |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> text.append(markdown(row)).append('\n'));
        Files.writeString(directory.resolve("ledger-benchmark.md"), text);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // with -ea the libraries run their own checks; H2's nearly halved its storage limit (performance-history.md, session 15)
        machine.put("libraryAssertions", org.h2.Driver.class.desiredAssertionStatus());
        return machine;
    }

    private static String markdown(Row r) {
        return String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", r.store(), r.section(), r.what(),
                r.clients() == null ? "" : r.clients(), number(r.perSecond(), "%,.0f"),
                r.ofLimit() == null ? "" : String.format("%.1f %%", r.ofLimit() * 100), number(r.p50Millis(), "%.2f"),
                number(r.p99Millis(), "%.2f"), number(r.p999Millis(), "%.2f"), r.value() == null ? "" : r.value(),
                r.note() == null ? "" : r.note());
    }

    private static String number(Double value, String format) {
        return value == null || value.isNaN() ? "" : String.format(format, value);
    }
}
