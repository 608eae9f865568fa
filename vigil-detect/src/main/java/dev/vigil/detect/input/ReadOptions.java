package dev.vigil.detect.input;

import dev.vigil.detect.event.LogSource;

/**
 * Limits and choices for {@link LogReader}. Immutable; start from {@link #defaults()} and change with the {@code
 * with…} methods.
 *
 * @param maxLineBytes longest JSON line accepted as one record (a longer one is reported and skipped unread)
 * @param maxDocumentBytes largest container read as a whole: a CloudTrail {@code {"Records":[…]}} file, a
 *     CloudWatch Logs payload, a pretty-printed document or a top-level array
 * @param maxDecompressedBytes absolute cap on what one gzip input may decompress to
 * @param maxGzipRatio decompressed:compressed ratio above which a gzip input is a bomb, checked once {@code
 *     gzipRatioGraceBytes} have been decompressed
 * @param gzipRatioGraceBytes decompressed bytes allowed before the ratio is checked
 * @param forcedLogSource the log source of every record, or {@link LogSource#UNKNOWN} to use hints and shapes
 */
public record ReadOptions(
        int maxLineBytes,
        int maxDocumentBytes,
        long maxDecompressedBytes,
        int maxGzipRatio,
        long gzipRatioGraceBytes,
        LogSource forcedLogSource) {

    /** 1 MiB lines, 256 MiB documents, 16 GiB per gzip input, ratio 1000 after 64 MiB, no forced log source. */
    public static ReadOptions defaults() {
        return new ReadOptions(1 << 20, 256 << 20, 16L << 30, 1000, 64L << 20, LogSource.UNKNOWN);
    }

    /** Validates the limits. */
    public ReadOptions {
        if (maxLineBytes <= 0
                || maxDocumentBytes <= 0
                || maxDecompressedBytes <= 0
                || maxGzipRatio <= 0
                || gzipRatioGraceBytes < 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
        forcedLogSource = forcedLogSource == null ? LogSource.UNKNOWN : forcedLogSource;
    }

    /** With another line limit. */
    public ReadOptions withMaxLineBytes(int value) {
        return new ReadOptions(
                value, maxDocumentBytes, maxDecompressedBytes, maxGzipRatio, gzipRatioGraceBytes, forcedLogSource);
    }

    /** With another document limit. */
    public ReadOptions withMaxDocumentBytes(int value) {
        return new ReadOptions(
                maxLineBytes, value, maxDecompressedBytes, maxGzipRatio, gzipRatioGraceBytes, forcedLogSource);
    }

    /** With other gzip bomb limits. */
    public ReadOptions withGzipLimits(long maxDecompressed, int ratio, long graceBytes) {
        return new ReadOptions(maxLineBytes, maxDocumentBytes, maxDecompressed, ratio, graceBytes, forcedLogSource);
    }

    /** With a log source forced on every record ({@code --logsource aws:cloudtrail}). */
    public ReadOptions withForcedLogSource(LogSource source) {
        return new ReadOptions(
                maxLineBytes, maxDocumentBytes, maxDecompressedBytes, maxGzipRatio, gzipRatioGraceBytes, source);
    }
}
