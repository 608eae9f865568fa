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
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                continue;
            }
            if (c == '_') {
                flags |= UNDERSCORE | NOT_BASE64;
                if (wordStart < 0) {
                    wordStart = i;
                }
                continue;
            }
            if (wordStart >= 0) {
                words |= Keywords.word(s, wordStart, i - wordStart);
                wordStart = -1;
            }
            switch (c) {
                case '(':
                    flags |= PAREN | NOT_BASE64;
                    break;
                case '$':
                    flags |= DOLLAR | NOT_BASE64;
                    break;
                case '<':
                    flags |= LT | NOT_BASE64;
                    break;
                case '=':
                    flags |= EQ;
                    break;
                case ':':
                    flags |= COLON | NOT_BASE64;
                    break;
                case '[':
                    flags |= OPEN_BRACKET | NOT_BASE64;
                    break;
                case ']':
                case '}':
                    flags |= CLOSE | NOT_BASE64;
                    break;
                case '{':
                    flags |= OPEN_BRACE | NOT_BASE64;
                    break;
                case '.':
                    flags |= DOT | NOT_BASE64;
                    break;
                case '@':
                    flags |= AT | NOT_BASE64;
                    break;
                case '%':
                    flags |= PERCENT | NOT_BASE64;
                    break;
                case '"':
                case '\'':
                    flags |= QUOTE | NOT_BASE64;
                    break;
                case '+':
                case '/':
                    break;
                default:
                    flags |= NOT_BASE64;
            }
        }
        if (wordStart >= 0) {
            words |= Keywords.word(s, wordStart, n - wordStart);
        }
        return ((long) words << 32) | (flags & 0xFFFFFFFFL);
    }

    static boolean has(int flags, int bits) {
        return (flags & bits) != 0;
    }
}
