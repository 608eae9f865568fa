package dev.vigil.shield.detect.sqli;

import dev.vigil.shield.detect.AsciiText;

/**
 * The cheap first look: an injection needs a quote, a comment marker ({@code --}, {@code /*}), a semicolon, a
 * parenthesis, a comparison operator, {@code ||} or {@code &&}, or one of a few keywords (UNION, SELECT, ORDER, ...,
 * or AND/OR/XOR/DIV in a value that has a digit). One pass, no allocation. {@code #}, {@code @} and a single {@code |}
 * alone are not enough: every shape the judge reports with them also needs one of the above.
 */
final class Prefilter {

    /** Some SQL punctuation or keyword is present. */
    static final int ANY = 1;
    /** A single quote is present. */
    static final int SINGLE = 2;
    /** A double quote is present. */
    static final int DOUBLE = 4;

    /** Characters below 64 that matter: " & ' ( - / ; < = > and the digits. */
    private static final long LOW = 1L << '"'
            | 1L << '&'
            | 1L << '\''
            | 1L << '('
            | 1L << '-'
            | 1L << '/'
            | 1L << ';'
            | 1L << '<'
            | 1L << '='
            | 1L << '>'
            | 0x03FF000000000000L;

    /** Digits, as a bit set over chars below 64. */
    private static final long DIGITS = 0x03FF000000000000L;

    /** Lower-case first letters of the prefilter keywords: a c d e g h l o p s t u w x. */
    private static final int FIRST = 1 << 0 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 11 | 1 << 14 | 1 << 15
            | 1 << 18 | 1 << 19 | 1 << 20 | 1 << 22 | 1 << 23;

    private Prefilter() {}

    /**
     * Hint bits for {@code s}, whose first {@code n} chars (at most {@link SqlLexer#MAX_CHARS}) are in {@code b}; 0
     * when the value cannot carry an injection.
     */
    static int hints(String s, char[] b, int n) {
        int h = 0;
        boolean digits = false;
        boolean strong = false; // a trigger other than ( < = >
        for (int i = 0; i < n; i++) {
            char c = b[i];
            if (c < 64) {
                if ((LOW >>> c & 1L) == 0) {
                    continue;
                }
                if ((DIGITS >>> c & 1L) != 0) {
                    digits = true;
                    continue;
                }
                switch (c) {
                    case '\'':
                        h |= SINGLE | ANY;
                        break;
                    case '"':
                        h |= DOUBLE | ANY;
                        break;
                    case '-':
                        if (i + 1 < n && b[i + 1] == '-') {
                            h |= ANY;
                            strong = true;
                        }
                        break;
                    case '/':
                        if (i + 1 < n && b[i + 1] == '*') {
                            h |= ANY;
                            strong = true;
                        }
                        break;
                    case '&':
                        if (i + 1 < n && b[i + 1] == '&') {
                            h |= ANY;
                            strong = true;
                        }
                        break;
                    case ';':
                        h |= ANY;
                        strong = true;
                        break;
                    default: // ( < = >
                        h |= ANY;
                        break;
                }
            } else if (c == '|' && i + 1 < n && b[i + 1] == '|') {
                h |= ANY;
                strong = true;
            }
        }
        if (!strong && (h == ANY && !digits || hasTag(b, n)) && !hasSqlWord(s, b, n)) {
            // only ( < = > among words, no quote, number or SQL keyword or function name (URLs, paths), or markup
            // (an HTML tag) without any comment, semicolon, || or && and without a SQL keyword or function name:
            // every shape the judge reports needs one of those
            return 0;
        }
        if (h == 0 && hasKeyword(b, n, digits)) {
            h = ANY;
        }
        if ((h & ANY) != 0 && quotesOnly(b, n) && !hasSqlWord(s, b, n)) {
            return 0; // d'aro, o'neil, "el segre": quotes among plain words cannot continue a query
        }
        return h;
    }

    /**
     * Whether the only characters that mean something to SQL are quotes: letters, digits, white space, commas and
     * periods otherwise (no operator, parenthesis, semicolon, comment or variable sigil).
     */
    private static boolean quotesOnly(char[] b, int n) {
        for (int i = 0; i < n; i++) {
            char c = b[i];
            if (c < 128 && !AsciiText.isWord(c) && c != ' ' && c != ',' && c != '.' && c != '\'' && c != '"') {
                return false;
            }
        }
        return true;
    }

    /** Whether any word of {@code s} is a SQL keyword or known function name. */
    private static boolean hasSqlWord(String s, char[] b, int n) {
        int i = 0;
        while (i < n) {
            char c = b[i];
            if (!SqlLexer.isWordStart(c)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && AsciiText.isWord(b[j])) {
                j++;
            }
            if (SqlWords.mayBeKnown(AsciiText.lower(c), j - i) && (i == 0 || !AsciiText.isWord(b[i - 1]))) {
                String w = AsciiText.lower(s.substring(i, j));
                if (SqlWords.keyword(w) != SqlWords.NONE || SqlWords.function(w) != SqlWords.F_NONE) {
                    return true;
                }
            }
            i = j;
        }
        return false;
    }

    /** Whether a word that can carry an injection without punctuation occurs (union, select, order, ...). */
    private static boolean hasKeyword(char[] b, int n, boolean digits) {
        int i = 0;
        while (i < n) {
            char c = b[i];
            int f = (c | 0x20) - 'a';
            if (f < 0 || f > 25) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && AsciiText.isWord(b[j])) {
                j++;
            }
            int len = j - i;
            if (len >= 2
                    && len <= 9
                    && (FIRST >>> f & 1) != 0
                    && (i == 0 || !AsciiText.isWord(b[i - 1]))
                    && keyword(b, i, len, (char) ('a' + f), digits)) {
                return true;
            }
            i = j;
        }
        return false;
    }

    private static boolean keyword(char[] b, int i, int len, char first, boolean digits) {
        switch (len) {
            case 2:
                return digits && first == 'o' && lowerIs(b, i, "or");
            case 3:
                return digits && (lowerIs(b, i, "and") || lowerIs(b, i, "xor") || lowerIs(b, i, "div"));
            case 4:
                return first == 'e' && lowerIs(b, i, "exec")
                        || first == 't' && lowerIs(b, i, "true")
                        || first == 'c' && lowerIs(b, i, "case");
            case 5:
                return lowerIs(b, i, "union")
                        || lowerIs(b, i, "order")
                        || lowerIs(b, i, "group")
                        || lowerIs(b, i, "limit");
            case 6:
                return lowerIs(b, i, "select") || lowerIs(b, i, "having");
            case 7:
                return first == 'w' && lowerIs(b, i, "waitfor") || first == 'd' && lowerIs(b, i, "declare");
            case 9:
                return first == 'p' && lowerIs(b, i, "procedure");
            default:
                return false;
        }
    }

    /** Whether {@code b[i..]} equals the lower-case ASCII word {@code w}, ignoring ASCII case. */
    private static boolean lowerIs(char[] b, int i, String w) {
        for (int k = 0; k < w.length(); k++) {
            if ((b[i + k] | 0x20) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an HTML tag opens somewhere: {@code <} then a letter or {@code /}. */
    private static boolean hasTag(char[] b, int n) {
        for (int i = 0; i + 1 < n; i++) {
            if (b[i] == '<' && (AsciiText.isLetter(b[i + 1]) || b[i + 1] == '/')) {
                return true;
            }
        }
        return false;
    }
}
