package dev.vigil.cli.hunt;

import dev.vigil.detect.rule.Level;

/**
 * What a hunt did, for the summary line and the exit code.
 *
 * @param records records read (parsed or not)
 * @param bytes bytes of those records
 * @param problems input problems (unreadable files, records or lines)
 * @param matches single-event matches printed
 * @param correlations correlation matches printed
 * @param hidden matches not printed (below {@code --min-level}, or {@code generate: false})
 * @param outOfRange base matches dropped by {@code --from}/{@code --to} (including undated ones when bounded)
 * @param observations observations fed to correlations
 * @param highest highest level printed, or null when nothing was
 * @param elapsedNanos wall time of the whole run
 */
public record HuntStats(
        long records,
        long bytes,
        long problems,
        long matches,
        long correlations,
        long hidden,
        long outOfRange,
        long observations,
        Level highest,
        long elapsedNanos) {

    /** Records per second over the whole run. */
    public double recordsPerSecond() {
        return elapsedNanos == 0 ? 0 : records / (elapsedNanos / 1e9);
    }

    /** Whether anything at or above {@code level} was printed. */
    public boolean reached(Level level) {
        return highest != null && highest.compareTo(level) >= 0;
    }

    /** The one-line summary printed on stderr. */
    public String summary() {
        StringBuilder sb = new StringBuilder("hunt: ");
        sb.append(String.format("%,d records", records));
        sb.append(String.format(", %,d matches", matches));
        sb.append(String.format(", %,d correlations", correlations));
        if (hidden > 0) {
            sb.append(String.format(" (%,d hidden)", hidden));
        }
        if (outOfRange > 0) {
            sb.append(String.format(", %,d outside --from/--to", outOfRange));
        }
        sb.append(String.format(", %,d input problems", problems));
        sb.append(String.format(", %.2f s, %,.0f records/s", elapsedNanos / 1e9, recordsPerSecond()));
        return sb.toString();
    }
}
