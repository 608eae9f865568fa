package dev.vigil.shield.detect.ssti;

import dev.vigil.shield.detect.AsciiText;

/**
 * Splits a template expression into a bounded sequence of tokens. One lexer covers the expression languages of the
 * common engines (Jinja, Twig, Freemarker, Velocity, Java EL, SpEL, OGNL, ERB, Smarty, Handlebars): they all share C-like
 * identifiers, numbers, quoted strings with backslash escapes, and a small set of punctuators. Anything else is an
 * {@link #OTHER} token. At most {@value #MAX_TOKENS} tokens are produced; the rest of the region is ignored.
 */
final class ExpressionLexer {

    /** Most tokens lexed from one expression. */
    static final int MAX_TOKENS = 512;

    static final int IDENT = 1;
    static final int NUMBER = 2;
    static final int STRING = 3;
    static final int ARITH = 4;
    static final int DOT = 5;
    static final int LPAREN = 6;
    static final int RPAREN = 7;
    static final int LBRACK = 8;
    static final int RBRACK = 9;
    static final int LBRACE = 10;
    static final int RBRACE = 11;
    static final int PIPE = 12;
    static final int QUESTION = 13;
    static final int AT = 14;
    static final int HASH = 15;
    static final int BACKTICK = 16;
    static final int COMMA = 17;
    static final int OTHER = 18;

    final String text;
    final int[] kind;
    final int[] start;
    final int[] end;
    int count;

    /** Lexes {@code text[from, to)}; string tokens span their contents only (quotes excluded). */
    ExpressionLexer(String text, int from, int to) {
        this.text = text;
        int capacity = Math.max(1, Math.min(MAX_TOKENS, to - from));
        kind = new int[capacity];
        start = new int[capacity];
        end = new int[capacity];
        int i = from;
        while (i < to && count < capacity) {
            char c = text.charAt(i);
            if (AsciiText.isSpace(c)) {
                i++;
                continue;
            }
            if (AsciiText.isLetter(c) || c == '_' || (c == '$' && i + 1 < to && isIdentStart(text.charAt(i + 1)))) {
                int j = i + 1;
                while (j < to && AsciiText.isWord(text.charAt(j))) {
                    j++;
                }
                add(IDENT, i, j);
                i = j;
            } else if (AsciiText.isDigit(c)) {
                int j = i + 1;
                while (j < to && (AsciiText.isWord(text.charAt(j)) || isFraction(text, j, to))) {
                    j++;
                }
                add(NUMBER, i, j);
                i = j;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < to && text.charAt(j) != c) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int close = Math.min(j, to);
                add(STRING, i + 1, close);
                i = close + 1;
            } else if ((c == '$' || c == '#' || c == '~' || c == '@') && i + 1 < to && text.charAt(i + 1) == '{') {
                i++; // the sigil of a nested expression, ${...} inside [[...]]: the braces are lexed on their own
            } else {
                add(punctuator(c), i, i + 1);
                i++;
            }
        }
    }

    private static boolean isIdentStart(char c) {
        return AsciiText.isLetter(c) || c == '_';
    }

    private static boolean isFraction(String s, int j, int to) {
        return s.charAt(j) == '.' && j + 1 < to && AsciiText.isDigit(s.charAt(j + 1));
    }

    private static int punctuator(char c) {
        switch (c) {
            case '*':
            case '+':
            case '-':
            case '/':
            case '%':
                return ARITH;
            case '.':
                return DOT;
            case '(':
                return LPAREN;
            case ')':
                return RPAREN;
            case '[':
                return LBRACK;
            case ']':
                return RBRACK;
            case '{':
                return LBRACE;
            case '}':
                return RBRACE;
            case '|':
                return PIPE;
            case '?':
                return QUESTION;
            case '@':
                return AT;
            case '#':
                return HASH;
            case '`':
                return BACKTICK;
            case ',':
                return COMMA;
            default:
                return OTHER;
        }
    }

    private void add(int k, int s, int e) {
        kind[count] = k;
        start[count] = s;
        end[count] = e;
        count++;
    }

    /** The token's kind, or 0 past the end. */
    int kindAt(int i) {
        return i >= 0 && i < count ? kind[i] : 0;
    }

    /** The token's text, ASCII lower-cased, with a leading {@code $} of a variable reference removed. */
    String lowerText(int i) {
        int s = start[i];
        if (kind[i] == IDENT && text.charAt(s) == '$') {
            s++;
        }
        return AsciiText.lower(text.substring(s, end[i]));
    }
}
