package dev.vigil.server.log;

import java.time.Duration;

/**
 * The log has more bytes waiting for {@code fsync} than {@link EventLogOptions#maxPendingBytes()} allows, so it
 * refused an append instead of queueing without bound. Nothing of the batch was appended; the caller should shed load,
 * for instance answer HTTP {@code 429} with {@code Retry-After: }{@link #retryAfter()}.
 */
public final class LogBehindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long pendingBytes;
    private final long maxPendingBytes;
    private final transient Duration retryAfter;

    LogBehindException(long pendingBytes, long batchBytes, long maxPendingBytes, Duration retryAfter) {
        super("event log is behind: " + pendingBytes + " bytes wait for fsync, a batch of " + batchBytes
                + " more would pass the limit of " + maxPendingBytes + " bytes; retry after " + retryAfter.toMillis()
                + " ms");
        this.pendingBytes = pendingBytes;
        this.maxPendingBytes = maxPendingBytes;
        this.retryAfter = retryAfter;
    }

    /** Bytes accepted but not yet durable when the append was refused. */
    public long pendingBytes() {
        return pendingBytes;
    }

    /** The limit. */
    public long maxPendingBytes() {
        return maxPendingBytes;
    }

    /** How long the pending bytes should take to drain at the recently measured disk rate (at least one second). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
