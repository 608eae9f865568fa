package dev.vigil.shield.detect.sqli;

import dev.vigil.shield.detect.AsciiText;

/**
 * The cheap first look: an injection needs a quote, a comment marker ({@code --}, {@code /*}), a semicolon, a
 * parenthesis, a comparison operator, or one of a few keywords (UNION, SELECT, ORDER, ..., or AND/OR/XOR/DIV next to a
 * digit). One pass, no allocation. {@code #}, {@code @} and {@code |} alone are not enough: every shape the judge
 * reports with them also needs one of the above.
 */
final class Prefilter {

    /** Some SQL punctuation or keyword is present. */
    static final int ANY = 1;
    /** A single quote is present. */
    static final int SINGLE = 2;
    /** A double quote is present. */
    static final int DOUBLE = 4;

    private Prefilter() {}

    /** Hint bits for {@code s}; 0 when the value cannot carry an injection. */
    static int hints(String s) {
        int n = Math.min(s.length(), SqlLexer.MAX_CHARS);
        int h = 0;
        boolean letters = false;
        boolean digits = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'':
                    h |= SINGLE | ANY;
                    break;
                case '"':
                    h |= DOUBLE | ANY;
                    break;
                case '(':
                case ';':
                case '=':
                case '<':
                case '>':
                    h |= ANY;
                    break;
                case '-':
                    if (i + 1 < n && s.charAt(i + 1) == '-') {
                        h |= ANY;
                    }
                    break;
                case '|':
                case '&':
                    if (i + 1 < n && s.charAt(i + 1) == c) {
                        h |= ANY;
                    }
                    break;
                case '/':
                    if (i + 1 < n && s.charAt(i + 1) == '*') {
                        h |= ANY;
                    }
                    break;
                default:
                    if (!letters && AsciiText.isLetter(c)) {
                        letters = true;
                    } else if (!digits && AsciiText.isDigit(c)) {
                        digits = true;
                    }
                    break;
            }
        }
        if (h == 0 && letters && hasKeyword(s, n, digits)) {
            h = ANY;
        }
        return h;
    }

    /** Whether a word that can carry an injection without punctuation occurs (union, select, order, ...). */
    private static boolean hasKeyword(String s, int n, boolean digits) {
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!AsciiText.isLetter(c)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && AsciiText.isWord(s.charAt(j))) {
                j++;
            }
            int len = j - i;
            if (digits && len >= 2 && len <= 3 && (i == 0 || !AsciiText.isWord(s.charAt(i - 1)))) {
                // and/or/xor/div between numbers: 1 or 2 between 1 and 3
                char a = AsciiText.lower(c);
                char b = AsciiText.lower(s.charAt(i + 1));
                if (len == 2 && a == 'o' && b == 'r'
                        || len == 3 && (a == 'a' && b == 'n' || a == 'x' && b == 'o' || a == 'd' && b == 'i')) {
                    return true;
                }
            }
            if (len >= 4 && len <= 9 && (i == 0 || !AsciiText.isWord(s.charAt(i - 1)))) {
                switch (AsciiText.lower(c)) {
                    case 'u':
                        if (len == 5 && AsciiText.regionMatchesLower(s, i, "union")) {
                            return true;
                        }
                        break;
                    case 's':
                        if (len == 6 && AsciiText.regionMatchesLower(s, i, "select")) {
                            return true;
                        }
                        break;
                    case 'o':
                        if (len == 5 && AsciiText.regionMatchesLower(s, i, "order")) {
                            return true;
                        }
                        break;
                    case 'g':
                        if (len == 5 && AsciiText.regionMatchesLower(s, i, "group")) {
                            return true;
                        }
                        break;
                    case 'w':
                        if (len == 7 && AsciiText.regionMatchesLower(s, i, "waitfor")) {
                            return true;
                        }
                        break;
                    case 'e':
                        if (len == 4 && AsciiText.regionMatchesLower(s, i, "exec")) {
                            return true;
                        }
                        break;
                    case 't':
                        if (len == 4 && AsciiText.regionMatchesLower(s, i, "true")) {
                            return true;
                        }
                        break;
                    case 'l':
                        if (len == 5 && AsciiText.regionMatchesLower(s, i, "limit")) {
                            return true;
                        }
                        break;
                    case 'h':
                        if (len == 6 && AsciiText.regionMatchesLower(s, i, "having")) {
                            return true;
                        }
                        break;
                    case 'p':
                        if (len == 9 && AsciiText.regionMatchesLower(s, i, "procedure")) {
                            return true;
                        }
                        break;
                    default:
                        break;
                }
            }
            i = j;
        }
        return false;
    }
}
