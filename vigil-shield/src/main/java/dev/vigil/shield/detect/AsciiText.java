package dev.vigil.shield.detect;

/**
 * Small, allocation-free text helpers the detectors share. Attack syntax is ASCII, so case folding here is ASCII only:
 * it never changes the length of a string, and offsets found in a folded copy hold in the original.
 */
public final class AsciiText {

    private AsciiText() {}

    /** {@code c} lower-cased if it is an ASCII capital letter, else {@code c}. */
    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** {@code s} with ASCII capitals lower-cased; {@code s} itself when it has none. Same length as {@code s}. */
    public static String lower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = new char[n];
        s.getChars(0, n, out, 0);
        for (; i < n; i++) {
            out[i] = lower(out[i]);
        }
        return new String(out);
    }

    /**
     * Where {@code needle} (lower-case ASCII) first occurs in {@code s} at or after {@code from}, ignoring ASCII case;
     * -1 when it does not.
     */
    public static int indexOfIgnoreCase(String s, String needle, int from) {
        int n = needle.length();
        if (n == 0) {
            return Math.max(0, Math.min(from, s.length()));
        }
        char first = needle.charAt(0);
        char firstUpper = first >= 'a' && first <= 'z' ? (char) (first - 32) : first;
        int last = s.length() - n;
        for (int i = Math.max(0, from); i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUpper) && regionMatchesLower(s, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code s} contains {@code needle} (lower-case ASCII), ignoring ASCII case. */
    public static boolean containsIgnoreCase(String s, String needle) {
        return indexOfIgnoreCase(s, needle, 0) >= 0;
    }

    /** Whether {@code s} at {@code offset} starts with {@code lowerNeedle} (lower-case ASCII), ignoring ASCII case. */
    public static boolean regionMatchesLower(String s, int offset, String lowerNeedle) {
        int n = lowerNeedle.length();
        if (offset < 0 || offset + n > s.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (lower(s.charAt(offset + k)) != lowerNeedle.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is an ASCII letter, digit or underscore. */
    public static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Whether {@code c} is an ASCII letter. */
    public static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code c} is an ASCII digit. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code c} is white space as HTTP, shells and SQL lexers treat it (space, tab, CR, LF, VT, FF). */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
