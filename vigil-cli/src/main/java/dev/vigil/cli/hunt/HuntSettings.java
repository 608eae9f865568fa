package dev.vigil.cli.hunt;

import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.rule.Level;

/**
 * How one hunt runs and reports.
 *
 * @param format output format
 * @param filter time bounds, level threshold, {@code --all-matches}
 * @param failOn exit 1 when anything at or above this level is printed; null for never
 * @param forcedLogSource treat every record as this log source; null to classify
 * @param threads worker threads
 * @param strict any rule problem is fatal
 * @param quiet no rule counts, progress or summary (problems are still printed)
 * @param progress draw a progress line on stderr
 * @param totalBytes input size for the progress line, -1 when unknown
 */
public record HuntSettings(
        OutputFormat format,
        HuntFilter filter,
        Level failOn,
        LogSource forcedLogSource,
        int threads,
        boolean strict,
        boolean quiet,
        boolean progress,
        long totalBytes) {

    /** Table output, no filters, one thread, no progress. */
    public static HuntSettings defaults() {
        return new HuntSettings(OutputFormat.TABLE, HuntFilter.NONE, null, null, 1, false, false, false, -1);
    }

    /** These settings with {@code format}. */
    public HuntSettings withFormat(OutputFormat f) {
        return new HuntSettings(f, filter, failOn, forcedLogSource, threads, strict, quiet, progress, totalBytes);
    }

    /** These settings with {@code f}. */
    public HuntSettings withFilter(HuntFilter f) {
        return new HuntSettings(format, f, failOn, forcedLogSource, threads, strict, quiet, progress, totalBytes);
    }

    /** These settings with {@code level} as the failure threshold. */
    public HuntSettings withFailOn(Level level) {
        return new HuntSettings(format, filter, level, forcedLogSource, threads, strict, quiet, progress, totalBytes);
    }

    /** These settings with {@code n} threads. */
    public HuntSettings withThreads(int n) {
        return new HuntSettings(format, filter, failOn, forcedLogSource, n, strict, quiet, progress, totalBytes);
    }

    /** These settings with {@code --strict} set or not. */
    public HuntSettings withStrict(boolean s) {
        return new HuntSettings(format, filter, failOn, forcedLogSource, threads, s, quiet, progress, totalBytes);
    }
}
