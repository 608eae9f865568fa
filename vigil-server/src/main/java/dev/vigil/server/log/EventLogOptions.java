package dev.vigil.server.log;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizes and timings of an {@link EventLog}. Start from {@link #defaults()} and change what you need with the {@code
 * with…} methods.
 *
 * @param maxSegmentBytes a segment is closed and a new one started before it would grow past this (a single record
 *     larger than the remaining room still gets a segment of its own)
 * @param maxRecordBytes the longest payload {@link EventLog#append} accepts
 * @param maxBatchBytes the most frame bytes written before one {@code fsync}
 * @param maxBatchWait how long the writer lingers for more appends before an {@code fsync} when fewer than {@code
 *     maxBatchBytes} are waiting. Zero (the default) never lingers: appends that arrive while an {@code fsync} runs
 *     already share the next one, which gives group commit under load and the lowest latency when idle.
 * @param maxPendingBytes the most frame bytes accepted but not yet durable; beyond it {@link EventLog#append} throws
 *     {@link LogBehindException}
 */
public record EventLogOptions(
        long maxSegmentBytes, int maxRecordBytes, int maxBatchBytes, Duration maxBatchWait, long maxPendingBytes) {

    /** Checks that the sizes fit together. */
    public EventLogOptions {
        Objects.requireNonNull(maxBatchWait, "maxBatchWait");
        if (maxRecordBytes < 0 || maxRecordBytes > Integer.MAX_VALUE - Frame.HEADER_BYTES) {
            throw new IllegalArgumentException("maxRecordBytes out of range: " + maxRecordBytes);
        }
        if (maxSegmentBytes < Segment.HEADER_BYTES + Frame.HEADER_BYTES) {
            throw new IllegalArgumentException("maxSegmentBytes too small: " + maxSegmentBytes);
        }
        if (maxBatchBytes <= 0 || maxBatchWait.isNegative()) {
            throw new IllegalArgumentException("maxBatchBytes must be positive and maxBatchWait not negative");
        }
        if (maxPendingBytes < (long) maxRecordBytes + Frame.HEADER_BYTES) {
            throw new IllegalArgumentException("maxPendingBytes " + maxPendingBytes
                    + " cannot hold one record of maxRecordBytes " + maxRecordBytes);
        }
    }

    /** 64 MiB segments, 1 MiB records and batches, no linger, 64 MiB pending. */
    public static EventLogOptions defaults() {
        return new EventLogOptions(64L << 20, 1 << 20, 1 << 20, Duration.ZERO, 64L << 20);
    }

    /** These options with another segment size. */
    public EventLogOptions withMaxSegmentBytes(long bytes) {
        return new EventLogOptions(bytes, maxRecordBytes, maxBatchBytes, maxBatchWait, maxPendingBytes);
    }

    /** These options with another record size limit. */
    public EventLogOptions withMaxRecordBytes(int bytes) {
        return new EventLogOptions(maxSegmentBytes, bytes, maxBatchBytes, maxBatchWait, maxPendingBytes);
    }

    /** These options with another group-commit window: at most {@code bytes} per fsync, lingering up to {@code wait}. */
    public EventLogOptions withBatch(int bytes, Duration wait) {
        return new EventLogOptions(maxSegmentBytes, maxRecordBytes, bytes, wait, maxPendingBytes);
    }

    /** These options with another bound on bytes waiting for fsync. */
    public EventLogOptions withMaxPendingBytes(long bytes) {
        return new EventLogOptions(maxSegmentBytes, maxRecordBytes, maxBatchBytes, maxBatchWait, bytes);
    }
}
