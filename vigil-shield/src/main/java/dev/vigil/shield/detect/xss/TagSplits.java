package dev.vigil.shield.detect.xss;

import static dev.vigil.shield.detect.AsciiText.isLetter;

/**
 * Undoes a filter-evasion trick: short tags put inside a keyword ({@code o<x>nfocus=alert<x>(1)}) so that a filter
 * that later strips tags rebuilds it. Only tags glued to a letter on the left and to a letter or {@code (} on the
 * right count; everything else stays.
 */
final class TagSplits {

    private TagSplits() {}

    private static final int MAX_NAME = 8;

    /**
     * {@code s[0,n)} with keyword-splitting tags removed, or {@code null} when there are none (the common case, which
     * allocates nothing).
     */
    static String join(String s, int n) {
        StringBuilder out = null;
        int copied = 0;
        int i = s.indexOf('<');
        while (i >= 0 && i < n) {
            int end = splitTagEnd(s, i, n);
            if (end > 0) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, i);
                copied = end;
                i = end;
            } else {
                i++;
            }
            i = s.indexOf('<', i);
        }
        if (out == null) {
            return null;
        }
        out.append(s, copied, n);
        return out.toString();
    }

    /** End (exclusive) of a splitting tag at {@code i}, or -1. */
    private static int splitTagEnd(String s, int i, int n) {
        if (i == 0 || !isLetter(s.charAt(i - 1))) {
            return -1;
        }
        int p = i + 1;
        if (p < n && s.charAt(p) == '/') {
            p++;
        }
        int a = p;
        while (p < n && p - a <= MAX_NAME && isLetter(s.charAt(p))) {
            p++;
        }
        if (p == a || p - a > MAX_NAME || p >= n || s.charAt(p) != '>') {
            return -1;
        }
        p++;
        if (p < n && (isLetter(s.charAt(p)) || s.charAt(p) == '(')) {
            return p;
        }
        return -1;
    }
}
