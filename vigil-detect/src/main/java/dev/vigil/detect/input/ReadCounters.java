package dev.vigil.detect.input;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link LogReader} has done so far; safe to read from another thread (a progress bar) while it reads.
 * {@link #bytesRead()} counts input bytes as stored (compressed for gzip), so it compares with {@link
 * #totalBytes()}, the summed size of the files listed (0 when unknown, as for standard input).
 */
public final class ReadCounters {
    final AtomicLong files = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong totalBytes = new AtomicLong();
    final AtomicLong problems = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    /** Inputs opened (files and standard input). */
    public long files() {
        return files.get();
    }

    /** Records handed to the sink. */
    public long records() {
        return records.get();
    }

    /** Input bytes consumed so far, as stored. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Summed size of the listed files, or 0 when unknown. */
    public long totalBytes() {
        return totalBytes.get();
    }

    /** Problems reported by the reader (records and files skipped for a reason). */
    public long problems() {
        return problems.get();
    }

    /**
     * Entries skipped on purpose: CloudTrail digest files, CloudWatch control messages and non-JSON log messages.
     */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public String toString() {
        return files() + " files, " + records() + " records, " + bytesRead() + " bytes, " + problems() + " problems, "
                + skipped() + " skipped";
    }
}
