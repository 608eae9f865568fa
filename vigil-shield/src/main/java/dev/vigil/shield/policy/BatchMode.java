package dev.vigil.shield.policy;

/** How a blocked record of a batch trigger (SQS, Kinesis, DynamoDB Streams) is handled. */
public enum BatchMode {
    /** Remove the record before the handler runs; the rest of the batch is processed. */
    DROP,
    /**
     * Remove the record before the handler runs and return it as a {@code batchItemFailures} entry, so the source
     * retries it or sends it to its dead-letter queue (requires {@code ReportBatchItemFailures} on the mapping).
     */
    REPORT
}
