package dev.vigil.cli.hunt;

import java.io.PrintWriter;

/**
 * Prints problems as {@code file:line: reason} on stderr, the first {@code limit} of them, and counts them all.
 * Reasons and file names are escaped: both can come from hostile input.
 */
public final class ProblemReporter {
    private final PrintWriter err;
    private final int limit;
    private long count;

    /** Prints at most {@code limit} problems to {@code err}. */
    public ProblemReporter(PrintWriter err, int limit) {
        this.err = err;
        this.limit = limit;
    }

    /** Reports one problem; {@code where} is {@code file:line} (or empty). */
    public synchronized void report(String where, String reason) {
        count++;
        if (count <= limit) {
            String w = Escape.clip(where, 512);
            err.println((w == null || w.isEmpty() ? "" : w + ": ") + Escape.clip(reason, 2048));
        }
    }

    /** How many problems were reported. */
    public synchronized long count() {
        return count;
    }

    /** Prints how many problems were not shown, if any. */
    public synchronized void finish(String what) {
        if (count > limit) {
            err.printf("... and %,d more %s (%,d in all)%n", count - limit, what, count);
        }
        err.flush();
    }
}
