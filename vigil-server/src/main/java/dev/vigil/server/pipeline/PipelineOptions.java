package dev.vigil.server.pipeline;

import dev.vigil.server.log.RetentionPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the pipeline batches, retries and keeps data.
 *
 * @param maxBatchRecords most records per batch (one store transaction each)
 * @param maxBatchBytes a batch stops after the record that brings its payload to this many bytes
 * @param idleWait how long to wait for new records when caught up, before checking for stop and rule states again
 * @param ruleStateReload how often the disabled rules are re-read from the store ({@link Pipeline#reloadRuleStates}
 *     forces it before the next batch)
 * @param retryInitial first wait after a store or log failure; doubles per failure up to {@code retryMax}
 * @param retryMax longest wait between retries
 * @param archiveMode which raw events are archived
 * @param archiveMaxRows archive rows kept (newest); {@code 0} for no row bound
 * @param archiveMaxAge archived events older than this (by receive time) are deleted; {@code null} for no age bound
 * @param retentionEvery how often archive and log retention run
 * @param logRetention what of the event log may be deleted once consumed; {@code null} to leave the log alone
 */
public record PipelineOptions(
        int maxBatchRecords,
        long maxBatchBytes,
        Duration idleWait,
        Duration ruleStateReload,
        Duration retryInitial,
        Duration retryMax,
        ArchiveMode archiveMode,
        long archiveMaxRows,
        Duration archiveMaxAge,
        Duration retentionEvery,
        RetentionPolicy logRetention) {

    /** Checks the values. */
    public PipelineOptions {
        if (maxBatchRecords <= 0 || maxBatchBytes <= 0 || archiveMaxRows < 0) {
            throw new IllegalArgumentException("batch limits must be positive and archiveMaxRows not negative");
        }
        Objects.requireNonNull(idleWait, "idleWait");
        Objects.requireNonNull(ruleStateReload, "ruleStateReload");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(archiveMode, "archiveMode");
        Objects.requireNonNull(retentionEvery, "retentionEvery");
    }

    /**
     * Batches of 2,000 records or 4 MiB, 200 ms idle wait, rule states re-read every 10 s, retries from 100 ms to 10 s,
     * every event archived and the newest 1,000,000 kept, retention once a minute, the log left alone.
     */
    public static PipelineOptions defaults() {
        return new PipelineOptions(
                2_000,
                4L << 20,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                Duration.ofMillis(100),
                Duration.ofSeconds(10),
                ArchiveMode.ALL,
                1_000_000,
                null,
                Duration.ofMinutes(1),
                null);
    }

    /** These options with batches of at most {@code records} records. */
    public PipelineOptions withMaxBatchRecords(int records) {
        return new PipelineOptions(
                records,
                maxBatchBytes,
                idleWait,
                ruleStateReload,
                retryInitial,
                retryMax,
                archiveMode,
                archiveMaxRows,
                archiveMaxAge,
                retentionEvery,
                logRetention);
    }

    /** These options with retries starting at {@code initial} and capped at {@code max}. */
    public PipelineOptions withRetry(Duration initial, Duration max) {
        return new PipelineOptions(
                maxBatchRecords,
                maxBatchBytes,
                idleWait,
                ruleStateReload,
                initial,
                max,
                archiveMode,
                archiveMaxRows,
                archiveMaxAge,
                retentionEvery,
                logRetention);
    }

    /** These options archiving per {@code mode}. */
    public PipelineOptions withArchiveMode(ArchiveMode mode) {
        return new PipelineOptions(
                maxBatchRecords,
                maxBatchBytes,
                idleWait,
                ruleStateReload,
                retryInitial,
                retryMax,
                mode,
                archiveMaxRows,
                archiveMaxAge,
                retentionEvery,
                logRetention);
    }
}
