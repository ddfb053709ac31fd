package com.callpermissionledger.benchmark;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same cells on a real PostgreSQL (embedded, on loopback, fsync on):
 * {@code ./mvnw -B test -Dtest=PostgresThroughputBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
@ActiveProfiles({"postgres", "embedded-postgres"})
class PostgresThroughputBenchmark extends ThroughputBenchmark {

    @Override
    protected String reportName() {
        return "benchmark-postgresql.md";
    }
}
