package dev.vigil.shield.detect.cmdi;

import dev.vigil.shield.detect.AsciiText;

/**
 * The two Windows {@code cmd} statements whose shape alone shows a batch command line: {@code FOR [/D|/R|/L|/F
 * [options]] %%v IN (set) DO command} and {@code IF [/I] [NOT] (EXIST x | DEFINED x | ERRORLEVEL n | a op b)
 * command}, with {@code op} one of {@code == EQU NEQ LSS LEQ GTR GEQ}. Prose ("if we do", "for all of us") lacks the
 * {@code %} loop variable, the comparison operator and a command after the condition.
 */
final class BatchGrammar {

    private BatchGrammar() {}

    /** Whether {@code FOR} or {@code IF} (any case) starts at {@code p} as a word. */
    static boolean startsStatement(String s, int p) {
        return (AsciiText.regionMatchesLower(s, p, "for") && blankAt(s, p + 3))
                || (AsciiText.regionMatchesLower(s, p, "if")
                        && (blankAt(s, p + 2) || (p + 2 < s.length() && s.charAt(p + 2) == '/')));
    }

    /** The end of a FOR or IF statement that starts at {@code p}, or -1 when the text there is not one. */
    static int statementEnd(String s, int p, ShellWord scratch) {
        if (AsciiText.regionMatchesLower(s, p, "for")) {
            return forEnd(s, p + 3);
        }
        return ifEnd(s, p + 2, scratch);
    }

    private static int forEnd(String s, int i) {
        int n = s.length();
        i = blanks(s, i);
        // switches and their arguments
        for (int guard = 0; guard < 4 && i < n && s.charAt(i) == '/'; guard++) {
            i = token(s, i);
            i = blanks(s, i);
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0 || close - i > 120) {
                    return -1;
                }
                i = blanks(s, close + 1);
            } else if (i < n && s.charAt(i) != '%') {
                i = blanks(s, token(s, i));
            }
        }
        if (i >= n || s.charAt(i) != '%') {
            return -1;
        }
        i++;
        if (i < n && s.charAt(i) == '%') {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        i = blanks(s, token(s, i));
        if (!AsciiText.regionMatchesLower(s, i, "in")) {
            return -1;
        }
        i = blanks(s, i + 2);
        if (i >= n || s.charAt(i) != '(') {
            return -1;
        }
        int close = -1;
        for (int k = i + 1; k < n && k - i < 300; k++) {
            if (s.charAt(k) == ')') {
                close = k;
            }
            if (close > 0 && AsciiText.regionMatchesLower(s, k, "do")) {
                int j = blanks(s, close + 1);
                if (j == k) {
                    return Math.min(n, k + 2);
                }
            }
        }
        return -1;
    }

    private static int ifEnd(String s, int i, ShellWord w) {
        int n = s.length();
        i = blanks(s, i);
        int from = i;
        boolean batchy = false;
        if (AsciiText.regionMatchesLower(s, i, "/i") && blankAt(s, i + 2)) {
            i = blanks(s, i + 2);
            batchy = true;
        }
        if (AsciiText.regionMatchesLower(s, i, "not") && blankAt(s, i + 3)) {
            i = blanks(s, i + 3);
        }
        boolean keyword = false;
        for (String k : KEYWORDS) {
            if (AsciiText.regionMatchesLower(s, i, k) && blankAt(s, i + k.length())) {
                i = blanks(s, token(s, blanks(s, i + k.length())));
                keyword = true;
                break;
            }
        }
        if (!keyword && i < n && s.charAt(i) == '(') {
            // a parenthesised condition: IF (2 GEQ 15) echo bigger
            int close = -1;
            for (int k = i + 1; k < n && k - i < 120; k++) {
                if (s.charAt(k) == ')') {
                    close = k;
                    break;
                }
            }
            if (close > 0 && hasComparison(s, i + 1, close)) {
                i = blanks(s, close + 1);
                keyword = true;
            }
        }
        if (!keyword) {
            i = operand(s, i);
            if (i < 0) {
                return -1;
            }
            i = blanks(s, i);
            if (AsciiText.regionMatchesLower(s, i, "==")) {
                i += 2;
            } else {
                boolean op = false;
                for (String o : OPERATORS) {
                    if (AsciiText.regionMatchesLower(s, i, o) && blankAt(s, i + 3)) {
                        i += 3;
                        op = true;
                        break;
                    }
                }
                if (!op) {
                    return -1;
                }
            }
            i = operand(s, blanks(s, i));
            if (i < 0) {
                return -1;
            }
            for (int k = from; k < i; k++) {
                batchy |= s.charAt(k) == '%';
            }
            i = blanks(s, i);
        }
        if (batchy) {
            return i;
        }
        if (i >= n) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '(' || c == '@') {
            return i + 1;
        }
        w.read(s, i);
        if (w.len == 0 || w.tooLong || w.len > 20) {
            return -1;
        }
        String name = w.text();
        if (CommandTable.kind(name) != 0 || isBatchKeyword(name)) {
            return w.end;
        }
        return -1;
    }

    private static final String[] KEYWORDS = {"exist", "defined", "errorlevel", "cmdextversion"};

    private static final String[] OPERATORS = {"equ", "neq", "lss", "leq", "gtr", "geq"};

    private static boolean isBatchKeyword(String name) {
        switch (name) {
            case "echo":
            case "goto":
            case "exit":
            case "call":
            case "set":
            case "if":
            case "for":
            case "rem":
            case "shift":
            case "pause":
            case "cls":
            case "pushd":
            case "popd":
            case "setlocal":
            case "endlocal":
                return true;
            default:
                return false;
        }
    }

    /** One IF operand: a quoted string, a bracketed or parenthesised token, or a bare token; its end or -1. */
    private static int operand(String s, int i) {
        int n = s.length();
        if (i >= n) {
            return -1;
        }
        char c = s.charAt(i);
        char close = c == '"' ? '"' : c == '[' ? ']' : c == '(' ? ')' : 0;
        if (close != 0) {
            for (int k = i + 1; k < n && k - i < 120; k++) {
                char x = s.charAt(k);
                if (x == close) {
                    return k + 1;
                }
                if (close != '"' && AsciiText.isSpace(x)) {
                    return -1;
                }
            }
            return -1;
        }
        int k = i;
        while (k < n && k - i < 80 && !AsciiText.isSpace(s.charAt(k)) && s.charAt(k) != '=') {
            k++;
        }
        return k > i ? k : -1;
    }

    private static int token(String s, int i) {
        int n = s.length();
        int limit = Math.min(n, i + 120);
        while (i < limit && !AsciiText.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int blanks(String s, int i) {
        int n = s.length();
        while (i < n && AsciiText.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean blankAt(String s, int i) {
        return i < s.length() && AsciiText.isSpace(s.charAt(i));
    }

    /** Whether {@code s[from, to)} holds {@code ==} or a comparison word between blanks. */
    private static boolean hasComparison(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '=' && k + 1 < to && s.charAt(k + 1) == '=') {
                return true;
            }
            if (AsciiText.isSpace(s.charAt(k))) {
                for (String o : OPERATORS) {
                    if (AsciiText.regionMatchesLower(s, k + 1, o) && k + 4 < to && AsciiText.isSpace(s.charAt(k + 4))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
