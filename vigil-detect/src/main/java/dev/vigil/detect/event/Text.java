package dev.vigil.detect.event;

/** Text helpers shared by value implementations and matchers. */
public final class Text {
    private Text() {}

    /**
     * Folds {@code s} to lower case one UTF-16 unit at a time ({@link Character#toLowerCase(char)}), keeping its
     * length; returns {@code s} itself when nothing changes.
     */
    public static String lower(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x100) {
                return lowerEachUnit(s);
            }
        }
        // Below U+0100 the JDK's root-locale lower-casing is per character and keeps the length; it is intrinsified
        // for such strings and returns s itself when nothing changes.
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String lowerEachUnit(String s) {
        char[] out = s.toCharArray();
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            char l = Character.toLowerCase(c);
            if (l != c) {
                out[i] = l;
                changed = true;
            }
        }
        return changed ? new String(out) : s;
    }

    /**
     * Parses a decimal number written as JSON or plain text ({@code 42}, {@code -1.5}, {@code 1e3}); {@link
     * Double#NaN} when {@code s} is not entirely a number. Hex, {@code NaN} and {@code Infinity} are not numbers.
     */
    public static double number(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return Double.NaN;
        }
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        boolean digits = false;
        boolean dot = false;
        boolean exp = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot && !exp) {
                dot = true;
            } else if ((c == 'e' || c == 'E') && digits && !exp) {
                exp = true;
                digits = false;
                if (i + 1 < n && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')) {
                    i++;
                }
            } else {
                return Double.NaN;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
