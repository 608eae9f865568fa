package dev.vigil.server.pipeline;

/**
 * A snapshot of the pipeline's counters since it was created, for {@code /metrics}.
 *
 * @param recordsRead log records processed and stored
 * @param parsed records parsed into events
 * @param unrecognised parsed records of no known log source
 * @param malformed records skipped as unreadable (bad envelope, bad JSON, not an object, too large or deep)
 * @param matched detections (rule and correlation matches that raise alerts)
 * @param alertsCreated detections that opened a new alert
 * @param alertsUpdated detections added to an existing alert (grouped)
 * @param replayed detections already stored (a replay after a crash before the position was committed)
 * @param batches batches stored and committed
 * @param storeFailures failed attempts to store a batch or read the log (each retried)
 * @param position the committed position
 * @param logEnd the log's end offset
 */
public record PipelineStats(
        long recordsRead,
        long parsed,
        long unrecognised,
        long malformed,
        long matched,
        long alertsCreated,
        long alertsUpdated,
        long replayed,
        long batches,
        long storeFailures,
        long position,
        long logEnd) {

    /** Records in the log not yet processed: log end − committed position. */
    public long lag() {
        return Math.max(0, logEnd - position);
    }
}
