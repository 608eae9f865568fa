package dev.vigil.shield.detect.codeinjection;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * Finds calls of interpreter functions ({@link FunctionNames}): a name followed by call syntax. Between the name and
 * its {@code (} may stand white space, comments ({@code /*x*&#47;}, {@code #x}, {@code //x} to the line end), the
 * closing quote or bracket of a name used as a value ({@code "system"(...)}, {@code (system)(...)},
 * {@code [system][0](...)}). A name that is also an English word is not a call when prose surrounds it ("operating
 * system (Windows)", "system(s)").
 */
final class FunctionCalls {

    static final String RULE = "VGL-CODE-002";

    /** How many identifiers of one text are looked at. */
    private static final int MAX_WORDS = 8192;

    /** How far after a name its call's {@code (} may stand (blanks, comments, closers). */
    private static final int CALL_WINDOW = 96;

    private FunctionCalls() {}

    static Detection judge(Variant v) {
        String s = v.text();
        int n = s.length();
        int i = 0;
        int words = 0;
        Detection weaker = null;
        int nextParen = s.indexOf('(');
        while (i < n && words < MAX_WORDS) {
            // only a name ending within the call-syntax window before a "(" can be called: jump to that window
            if (nextParen < i) {
                nextParen = s.indexOf('(', i);
                if (nextParen < 0) {
                    break;
                }
            }
            if (nextParen - i > CALL_WINDOW) {
                int floor = i;
                i = nextParen - CALL_WINDOW;
                while (i > floor && AsciiText.isWord(s.charAt(i - 1))) {
                    i--; // back to the start of a word cut by the jump
                }
            }
            char c = s.charAt(i);
            if (!(AsciiText.isLetter(c) || c == '_')) {
                i++;
                continue;
            }
            int start = i;
            int end = Scan.wordEnd(s, i);
            i = end;
            words++;
            if (end - start < 2 || end - start > 64 || (start > 0 && AsciiText.isDigit(s.charAt(start - 1)))) {
                continue;
            }
            int paren = callParen(s, end);
            if (paren < 0) {
                continue;
            }
            String name = AsciiText.lower(s.substring(start, end));
            int kind = FunctionNames.kindWithSuffix(name);
            if (kind == FunctionNames.NONE || !isCall(s, start, end, paren, name, kind)) {
                continue;
            }
            if (kind == FunctionNames.DANGEROUS) {
                return new Detection(RULE, "Call of a code-execution function", Severity.HIGH, v, start, paren + 1);
            }
            if (weaker == null) {
                weaker = new Detection(RULE, "Call of an interpreter function", Severity.MEDIUM, v, start, paren + 1);
            }
        }
        return weaker;
    }

    /**
     * Index of the {@code (} that calls the name ending at {@code end}, or -1: skips blanks, comments, one closing quote,
     * closing brackets, {@code [digits]} indexes and one {@code =}.
     */
    private static int callParen(String s, int end) {
        int n = s.length();
        int k = end;
        int limit = Math.min(n, end + CALL_WINDOW);
        boolean quote = false;
        int closers = 0;
        while (k < limit) {
            int next = Scan.skipSpaceAndComments(s, k, limit - k);
            if (next < 0 || next >= limit) {
                return -1;
            }
            k = next;
            char c = s.charAt(k);
            if (c == '(') {
                return k;
            }
            if ((c == '"' || c == '\'') && !quote && k == end) {
                quote = true;
                k++;
            } else if ((c == ')' || c == ']' || c == '}') && closers < 4) {
                closers++;
                k++;
            } else if (c == '{') {
                // {0} or {/* comment */0}
                int close = Scan.skipSpaceAndComments(s, k + 1, limit - k - 1);
                while (close >= 0 && close < limit && AsciiText.isDigit(s.charAt(close))) {
                    close++;
                }
                if (close < 0 || close >= limit || s.charAt(close) != '}' || closers == 0) {
                    return -1;
                }
                k = close + 1;
            } else if (c == '[') {
                int close = k + 1;
                while (close < limit && (AsciiText.isDigit(s.charAt(close)) || s.charAt(close) == ' ')) {
                    close++;
                }
                if (close >= limit || s.charAt(close) != ']' || close == k + 1) {
                    return -1;
                }
                k = close + 1;
            } else if (c == '=' && k + 1 < limit && s.charAt(k + 1) == '(') {
                k++; // name=( as in Shell_exec=(...)
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isCall(String s, int start, int end, int paren, String name, int kind) {
        int n = s.length();
        boolean gap = paren > end;
        if (gap && kind != FunctionNames.DANGEROUS) {
            for (int k = end; k < paren; k++) {
                if (s.charAt(k) == '=') {
                    return false;
                }
            }
        }
        int arg = Scan.skipSpace(s, paren + 1);
        boolean wordLike = FunctionNames.isWordLike(name);
        if (arg >= n) {
            // name( at the very end: only a distinctive name counts
            return !wordLike;
        }
        char a = s.charAt(arg);
        if (wordLike) {
            if (isPlural(s, paren)) {
                return false;
            }
            // prose: a word, a blank, then the name and a blank before "(": "operating system (Windows)"
            int before = Scan.skipSpaceBack(s, start - 1);
            boolean spaceInGap = gap && AsciiText.isSpace(s.charAt(end));
            if (spaceInGap && before >= 0 && before < start - 1 && AsciiText.isWord(s.charAt(before))) {
                return false;
            }
            if (spaceInGap && before >= 0 && (s.charAt(before) == ',' || s.charAt(before) == '.')) {
                return false;
            }
            // prose goes on after the parenthesis: "exec (executive) meeting", "open (9-5) daily"
            int close = Scan.matching(s, paren, ')', 96);
            if (close > 0) {
                int after = Scan.skipSpace(s, close + 1);
                if (after > close + 1 && after < n && AsciiText.isLetter(s.charAt(after))) {
                    return false;
                }
            }
            if (spaceInGap && kind != FunctionNames.DANGEROUS && AsciiText.isLetter(a)) {
                return false; // "input (optional)", "print (color)"
            }
            // the argument must read as code: a quote, a variable, a number, a call, a closing paren
            if (AsciiText.isLetter(a)) {
                int w = Scan.wordEnd(s, arg);
                if (w < n && s.charAt(w) == ' ' && w + 1 < n && AsciiText.isLetter(s.charAt(w + 1))) {
                    return false; // "(the thing": prose in parentheses
                }
            }
        }
        return a == ')'
                || a == '"'
                || a == '\''
                || a == '$'
                || a == '@'
                || a == '`'
                || a == '['
                || a == '('
                || AsciiText.isDigit(a)
                || AsciiText.isLetter(a)
                || a == '_'
                || a == '\\'
                || a == '-'
                || a == '/';
    }

    /** Whether the parentheses at {@code paren} hold an English plural ending: {@code (s)} or {@code (es)}. */
    private static boolean isPlural(String s, int paren) {
        return s.startsWith("(s)", paren) || s.startsWith("(es)", paren) || s.startsWith("(S)", paren);
    }
}
