package dev.vigil.posture.usage.activity;

/**
 * Bounds that keep a hostile or broken log file from exhausting memory.
 *
 * @param maxRecordBytes largest record (a JSON line, or one element of {@code Records}) that is read; larger ones
 *     are reported and skipped
 * @param maxDepth deepest JSON nesting accepted
 * @param maxStringChars longest JSON string accepted
 * @param maxProblems problems reported per run before the rest are only counted
 */
public record ActivityLimits(int maxRecordBytes, int maxDepth, int maxStringChars, int maxProblems) {

    /** 1 MiB per record (CloudTrail's own limit is 256 KB of request and response data), depth 64. */
    public static ActivityLimits defaults() {
        return new ActivityLimits(1 << 20, 64, 1 << 20, 100);
    }
}
