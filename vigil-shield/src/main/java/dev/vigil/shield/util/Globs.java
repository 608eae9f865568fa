package dev.vigil.shield.util;

/**
 * Glob matching in linear-ish time without regular expressions: {@code *} matches any run of characters (including
 * none and including {@code .} and {@code /}), {@code ?} matches one character, everything else matches itself.
 * Policy authors write globs; events supply the text, so the matcher must not backtrack exponentially.
 */
public final class Globs {

    private Globs() {}

    /** Whether {@code text} matches {@code glob} entirely. */
    public static boolean matches(String glob, String text) {
        return matches(glob, text, false);
    }

    /** Whether {@code text} matches {@code glob} entirely, ignoring ASCII/Unicode case when asked. */
    public static boolean matches(String glob, String text, boolean ignoreCase) {
        int g = 0;
        int t = 0;
        int starG = -1;
        int starT = 0;
        int gl = glob.length();
        int tl = text.length();
        while (t < tl) {
            if (g < gl) {
                char c = glob.charAt(g);
                if (c == '*') {
                    starG = g++;
                    starT = t;
                    continue;
                }
                if (c == '?' || same(c, text.charAt(t), ignoreCase)) {
                    g++;
                    t++;
                    continue;
                }
            }
            if (starG < 0) {
                return false;
            }
            g = starG + 1;
            t = ++starT;
        }
        while (g < gl && glob.charAt(g) == '*') {
            g++;
        }
        return g == gl;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase
                && (Character.toLowerCase(a) == Character.toLowerCase(b)
                        || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
