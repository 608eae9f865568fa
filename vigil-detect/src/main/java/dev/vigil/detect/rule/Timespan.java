package dev.vigil.detect.rule;

/** Sigma correlation timespans: a positive integer followed by {@code s m h d w M y} ({@code M} = 30.44 days). */
public final class Timespan {
    private Timespan() {}

    private static final long SECOND = 1000L;
    private static final long DAY = 86_400 * SECOND;

    /** Longest accepted count (keeps every unit far from overflow). */
    private static final long MAX_COUNT = 1_000_000_000L;

    /**
     * The length of {@code text} in milliseconds.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long parseMillis(String text) {
        String t = text == null ? "" : text.trim();
        if (t.length() < 2 || t.length() > 12) {
            throw invalid(text);
        }
        char unit = t.charAt(t.length() - 1);
        long count = 0;
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text);
            }
            count = count * 10 + (c - '0');
        }
        if (count <= 0 || count > MAX_COUNT) {
            throw invalid(text);
        }
        switch (unit) {
            case 's':
                return count * SECOND;
            case 'm':
                return count * 60 * SECOND;
            case 'h':
                return count * 3600 * SECOND;
            case 'd':
                return count * DAY;
            case 'w':
                return count * 7 * DAY;
            case 'M':
                return Math.round(count * 30.44 * DAY);
            case 'y':
                return Math.round(count * 365.25 * DAY);
            default:
                throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid timespan '" + text
                + "' (expected a positive whole number followed by s, m, h, d, w, M or y, e.g. 15m)");
    }
}
