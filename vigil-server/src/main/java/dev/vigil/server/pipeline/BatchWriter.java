package dev.vigil.server.pipeline;

/**
 * Stores one processed batch. Must be idempotent for the alerts (a batch may be written again after a crash before
 * the position commit) and must throw, not swallow, when the batch was not stored: the pipeline retries it and does
 * not move its position.
 */
@FunctionalInterface
public interface BatchWriter {

    /** Writes {@code batch}; throws if any part of it failed. */
    StoreWriteResult write(ProcessedBatch batch);
}
