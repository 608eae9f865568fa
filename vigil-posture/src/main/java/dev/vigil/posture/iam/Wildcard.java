package dev.vigil.posture.iam;

import java.util.Locale;

/**
 * IAM wildcard matching: {@code *} matches any run of characters (also none), {@code ?} exactly one. Written as a
 * linear-time greedy matcher with backtracking to the last star, so patterns from templates cannot cause regex-style
 * blow-ups.
 */
public final class Wildcard {
    private Wildcard() {}

    /** True when {@code text} matches {@code pattern}, both compared exactly (callers fold case when IAM does). */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** {@link #matches} ignoring case (action names). */
    public static boolean matchesIgnoreCase(String pattern, String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }

    /** True when {@code s} contains a wildcard character. */
    public static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
