package dev.vigil.cli.hunt;

/**
 * Makes log text safe to show: control characters, line and paragraph separators and Unicode bidirectional
 * controls become {@code &#92;uXXXX}, so a hostile log record cannot move the cursor, recolour or rewrite a terminal, or
 * reorder what a reader sees.
 */
public final class Escape {
    private Escape() {}

    /** Whether {@code c} must not reach a terminal or a spreadsheet as is. */
    public static boolean isUnsafe(int c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x2028 && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF;
    }

    /** {@code s} with every unsafe character written as {@code &#92;uXXXX}; null stays null. */
    public static String text(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !isUnsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        sb.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnsafe(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@link #text} cut to at most {@code max} characters, ending in {@code …} when cut. */
    public static String clip(String s, int max) {
        String e = text(s);
        if (e == null || e.length() <= max) {
            return e;
        }
        return e.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** {@link #text} cut to at most {@code max} characters by dropping the start (for paths, whose end matters). */
    public static String clipStart(String s, int max) {
        String e = text(s);
        if (e == null || e.length() <= max) {
            return e;
        }
        return "…" + e.substring(e.length() - Math.max(0, max - 1));
    }
}
