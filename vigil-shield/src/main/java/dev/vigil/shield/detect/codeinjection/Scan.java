package dev.vigil.shield.detect.codeinjection;

import dev.vigil.shield.detect.AsciiText;

/** Small bounded scanning helpers for the code-injection judges. */
final class Scan {

    private Scan() {}

    /** End of the identifier ({@code [A-Za-z0-9_]}) starting at {@code from}. */
    static int wordEnd(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && AsciiText.isWord(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** First index at or after {@code from} that is not white space. */
    static int skipSpace(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && AsciiText.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * First index at or after {@code from} that is neither white space nor a comment ({@code /* *&#47;},
     * {@code //...}, {@code #...} to the line end), looking at most {@code max} characters ahead; -1 when a comment
     * does not end within that window.
     */
    static int skipSpaceAndComments(String s, int from, int max) {
        int n = Math.min(s.length(), from + max);
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (AsciiText.isSpace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = i + 2;
                while (close + 1 < n && !(s.charAt(close) == '*' && s.charAt(close + 1) == '/')) {
                    close++;
                }
                if (close + 1 >= n) {
                    return -1; // no end within the window
                }
                i = close + 2;
            } else if (c == '#' || (c == '/' && i + 1 < n && s.charAt(i + 1) == '/')) {
                int nl = i;
                while (nl < n && s.charAt(nl) != '\n' && s.charAt(nl) != '\r') {
                    nl++;
                }
                if (nl >= n) {
                    return -1;
                }
                i = nl;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The previous index before {@code from} that is not white space, or -1. */
    static int skipSpaceBack(String s, int from) {
        int i = from;
        while (i >= 0 && AsciiText.isSpace(s.charAt(i))) {
            i--;
        }
        return i;
    }

    /** Whether {@code s} at {@code at} starts with {@code word} (lower case) as a whole word, ignoring case. */
    static boolean wordAt(String s, int at, String word) {
        if (!AsciiText.regionMatchesLower(s, at, word)) {
            return false;
        }
        int end = at + word.length();
        return (at == 0 || !AsciiText.isWord(s.charAt(at - 1)))
                && (end >= s.length() || !AsciiText.isWord(s.charAt(end)));
    }

    /** First index of {@code c} in {@code [from, from + max)}, or -1. */
    static int indexOf(String s, char c, int from, int max) {
        int n = Math.min(s.length(), from + max);
        for (int i = Math.max(0, from); i < n; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Last index of {@code c} in {@code [from - max, from]}, or -1. */
    static int lastIndexOf(String s, char c, int from, int max) {
        int low = Math.max(0, from - max);
        for (int i = Math.min(from, s.length() - 1); i >= low; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the matching {@code close} for the opener at {@code open}, within {@code max} chars; -1 if none. */
    static int matching(String s, int open, char close, int max) {
        char opener = s.charAt(open);
        int n = Math.min(s.length(), open + max);
        int depth = 0;
        for (int i = open; i < n; i++) {
            char c = s.charAt(i);
            if (c == opener) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
