package com.callpermissionledger.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code ledger.h2.*}: how the embedded H2 file is kept compact (see {@link H2Compaction}).
 *
 * @param compactionInterval how often half-empty chunks are looked for
 * @param fillRate           chunks are rewritten while the live share (percent) of all chunks is below this; at 90
 *                           a file of compressed pages stayed at 85-88 and the rewriting never stopped
 * @param writeLimitBytes    at most this many bytes rewritten per run: a run holds H2's store lock, which every
 *                           commit needs, about 25-60 ms per MiB at full scale
 * @param retentionTime      how long H2 keeps a freed chunk before reusing its space (H2's own default is 45 s;
 *                           docs/operations.md says what a shorter time risks)
 */
@Validated
@ConfigurationProperties("ledger.h2")
public record H2CompactionProperties(
        @NotNull @DefaultValue("PT0.25S") Duration compactionInterval,
        @Min(10) @Max(100) @DefaultValue("80") int fillRate,
        @Min(65_536) @DefaultValue("4194304") int writeLimitBytes,
        @NotNull @DurationMin(millis = 0) @DurationMax(hours = 1) @DefaultValue("PT2S") Duration retentionTime) {
}
