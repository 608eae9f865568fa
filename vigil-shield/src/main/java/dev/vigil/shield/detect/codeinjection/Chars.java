package dev.vigil.shield.detect.codeinjection;

/**
 * One pass over a text that records which of the characters the code shapes need it holds, as bits, so each judge is
 * skipped at once when its characters are absent. Allocation-free.
 */
final class Chars {

    static final int PAREN = 1;
    static final int DOLLAR = 1 << 1;
    static final int LT = 1 << 2;
    static final int EQ = 1 << 3;
    static final int COLON = 1 << 4;
    static final int OPEN_BRACKET = 1 << 5;
    static final int CLOSE = 1 << 6; // ] or }
    static final int OPEN_BRACE = 1 << 7;
    static final int DOT = 1 << 8;
    static final int UNDERSCORE = 1 << 9;
    static final int AT = 1 << 10;
    static final int PERCENT = 1 << 11;
    static final int QUOTE = 1 << 12;
    /** Any character outside the base64 alphabet ({@code A-Z a-z 0-9 + / =}). */
    static final int NOT_BASE64 = 1 << 13;

    /** Set on letters, digits and underscore (word characters); not reported. */
    private static final int WORD = 1 << 14;

    /** The flags of each ASCII character, indexed by the character (a constant: no table is built at class load). */
    private static final String CLASSES = "\u2000\u2000\u2000\u2000\u2000\u2000\u2000\u2000"
            + "\u2000\u2000\u2000\u2000\u2000\u2000\u2000\u2000"
            + "\u2000\u2000\u2000\u2000\u2000\u2000\u2000\u2000"
            + "\u2000\u2000\u2000\u2000\u2000\u2000\u2000\u2000"
            + "\u2000\u2000\u3000\u2000\u2002\u2800\u2000\u3000"
            + "\u2001\u2000\u2000\u0000\u2000\u2000\u2100\u0000"
            + "\u4000\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u2010\u2000\u2004\u0008\u2000\u2000"
            + "\u2400\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u4000\u2020\u2000\u2040\u2000\u6200"
            + "\u2000\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u4000\u4000\u4000\u4000\u4000\u4000"
            + "\u4000\u4000\u4000\u2080\u2000\u2040\u2000\u2000";

    /** {@link #CLASSES} as an array: indexing it needs no string bounds/coder checks in the hot loop. */
    private static final char[] TABLE = CLASSES.toCharArray();

    private Chars() {}

    static int of(String s) {
        return (int) scan(s);
    }

    /**
     * The character flags in the low 32 bits and the {@link Keywords} bits of the words seen in the high 32 bits, from
     * one pass.
     */
    static long scan(String s) {
        int flags = 0;
        int words = 0;
        int n = s.length();
        int wordStart = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int cls = c < 128 ? TABLE[c] : NOT_BASE64;
            if ((cls & WORD) != 0) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                flags |= cls;
                continue;
            }
            if (wordStart >= 0) {
                words |= Keywords.word(s, wordStart, i - wordStart);
                wordStart = -1;
            }
            flags |= cls;
        }
        if (wordStart >= 0) {
            words |= Keywords.word(s, wordStart, n - wordStart);
        }
        return ((long) words << 32) | ((flags & ~WORD) & 0xFFFFFFFFL);
    }

    static boolean has(int flags, int bits) {
        return (flags & bits) != 0;
    }
}
