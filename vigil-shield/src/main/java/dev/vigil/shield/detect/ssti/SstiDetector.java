package dev.vigil.shield.detect.ssti;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Detects server-side template and expression-language injection: template delimiters of the common engines
 * ({@code {{ }}}, {@code {% %}}, {@code ${ }}, {@code #{ }}, {@code *{ }}, {@code %{ }}, {@code <% %>},
 * {@code <# >}, {@code [# ]}, {@code [[ ]]}, {@code {$ }}, Velocity {@code #set( )} and {@code $ref.member},
 * OGNL {@code @Class@member} and {@code #_memberAccess}) whose expression, once lexed, reaches code execution or
 * reflection, reads engine internals, is a statement, or is an evaluation probe. See {@link ExpressionJudge} for the
 * verdicts and {@code docs/detectors/ssti.md} for the rules.
 *
 * <p>Cost: one pass over each variant looking for the delimiter characters; nothing is allocated unless a delimiter is
 * found. Each expression is read up to its closing delimiter, at most {@value #MAX_EXPRESSION} characters, and the
 * scan resumes after it, so the work stays linear.
 */
public final class SstiDetector implements Detector {

    /** Rule: the expression reaches code execution, reflection or class loading. */
    public static final String RULE_EXEC = "VGL-SSTI-001";

    /** Rule: the expression reads template-engine or request internals. */
    public static final String RULE_INTERNALS = "VGL-SSTI-002";

    /** Rule: an evaluation probe (arithmetic on literals, a method call on a literal). */
    public static final String RULE_PROBE = "VGL-SSTI-003";

    /** Rule: a template statement or directive. */
    public static final String RULE_STATEMENT = "VGL-SSTI-004";

    /** Most characters of one expression that are read. */
    static final int MAX_EXPRESSION = 2048;

    /**
     * Most expressions judged per variant. Expressions do not overlap (the scan resumes after each), so this bounds
     * allocation, not time.
     */
    static final int MAX_EXPRESSIONS = 4096;

    /** Most Smarty-style {@code {name...}} tags judged per variant (their scans may overlap). */
    static final int MAX_FUNCTION_TAGS = 32;

    private static final int CTX_SMARTY = ExpressionJudge.CTX_SHELL_BACKTICK;

    // closers
    private static final int CLOSE_BRACE = 1; // }  with nesting
    private static final int CLOSE_2BRACE = 2; // }}
    private static final int CLOSE_PCT_BRACE = 3; // %}
    private static final int CLOSE_PCT_ANGLE = 4; // %>
    private static final int CLOSE_ANGLE = 5; // >
    private static final int CLOSE_BRACKET = 6; // ]
    private static final int CLOSE_2BRACKET = 7; // ]]
    private static final int CLOSE_PAREN_BRACKET = 8; // )]
    private static final int CLOSE_PAREN = 9; // )  with nesting

    @Override
    public String id() {
        return "ssti";
    }

    @Override
    public String category() {
        return "ssti";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        long best = 0;
        Variant bestVariant = null;
        List<Variant> variants = value.variants();
        for (int k = 0, count = variants.size(); k < count; k++) {
            Variant v = variants.get(k);
            String text = v.text();
            int n = Math.min(text.length(), 0x3FFFFFFF);
            int first = firstTrigger(text, n);
            if (first == n) {
                continue;
            }
            long found = scan(text, n, first);
            if (verdict(found) > verdict(best)) {
                best = found;
                bestVariant = v;
                if (verdict(found) == ExpressionJudge.EXEC) {
                    break;
                }
            }
        }
        if (bestVariant == null) {
            return;
        }
        int start = (int) (best >>> 30 & 0x3FFFFFFFL);
        int end = (int) (best & 0x3FFFFFFFL);
        switch (verdict(best)) {
            case ExpressionJudge.EXEC:
                sink.report(new Detection(
                        RULE_EXEC,
                        "Template expression reaches code execution or reflection",
                        Severity.CRITICAL,
                        bestVariant,
                        start,
                        end));
                break;
            case ExpressionJudge.INTERNALS:
                sink.report(new Detection(
                        RULE_INTERNALS,
                        "Template expression reads template-engine internals",
                        Severity.HIGH,
                        bestVariant,
                        start,
                        end));
                break;
            case ExpressionJudge.STATEMENT:
                sink.report(new Detection(
                        RULE_STATEMENT, "Template statement injected", Severity.MEDIUM, bestVariant, start, end));
                break;
            default:
                sink.report(new Detection(
                        RULE_PROBE, "Template evaluation probe", Severity.MEDIUM, bestVariant, start, end));
                break;
        }
    }

    private static int verdict(long packed) {
        return (int) (packed >>> 60);
    }

    private static long pack(int verdict, int start, int end) {
        return (long) verdict << 60 | (long) start << 30 | end;
    }

    /** The strongest finding in {@code s}, packed as verdict, start and end; 0 when none. */
    static long scan(String s) {
        int n = Math.min(s.length(), 0x3FFFFFFF);
        return scan(s, n, firstTrigger(s, n));
    }

    /** {@link #scan(String)} from {@code first}, the prefilter's first opener (no delimiter starts before it). */
    private static long scan(String s, int n, int first) {
        long best = 0;
        int judged = 0;
        int functionTags = 0;
        for (int i = first; i < n && judged < MAX_EXPRESSIONS; i++) {
            char c = s.charAt(i);
            if (c > '{') {
                continue;
            }
            int from;
            int closer;
            int context = 0;
            switch (c) {
                case '{': {
                    char prev = i > 0 ? s.charAt(i - 1) : 0;
                    char next = i + 1 < n ? s.charAt(i + 1) : 0;
                    if (prev == '$' || prev == '#' || prev == '*' || prev == '@' || prev == '~' || prev == '%') {
                        from = i + 1;
                        closer = CLOSE_BRACE;
                    } else if (next == '{') {
                        from = i + 2;
                        if (from < n && s.charAt(from) == '{') {
                            from++;
                        }
                        char mark = from < n ? s.charAt(from) : 0;
                        if (mark == '#') {
                            context = ExpressionJudge.CTX_STATEMENT;
                        } else if (mark == '=' || mark == '-' || mark == '~') {
                            from++; // doT/Handlebars output and whitespace-control marks
                        }
                        closer = CLOSE_2BRACE;
                    } else if (next == '%') {
                        from = i + 2;
                        closer = CLOSE_PCT_BRACE;
                        context = ExpressionJudge.CTX_STATEMENT;
                    } else if (next == '$') {
                        from = i + 1;
                        closer = CLOSE_BRACE;
                        context = ExpressionJudge.CTX_SHELL_BACKTICK;
                    } else if ((next == 'p' || next == 'P') && AsciiText.regionMatchesLower(s, i, "{php}")) {
                        return pack(ExpressionJudge.EXEC, i, i + 5);
                    } else if (AsciiText.isLetter(next) && functionTags < MAX_FUNCTION_TAGS) {
                        // Smarty function tag {name(...)} / {Class::method(...)}: only an execution verdict counts
                        int close = findClose(s, i + 1, n, CLOSE_BRACE);
                        functionTags++;
                        if (close > 0) {
                            if (ExpressionJudge.judge(new ExpressionLexer(s, i + 1, close), CTX_SMARTY)
                                    == ExpressionJudge.EXEC) {
                                return pack(ExpressionJudge.EXEC, i, close + 1);
                            }
                            i = close;
                        }
                        continue;
                    } else {
                        continue;
                    }
                    break;
                }
                case '<': {
                    char next = i + 1 < n ? s.charAt(i + 1) : 0;
                    if (next == '%') {
                        from = i + 2;
                        char mark = from < n ? s.charAt(from) : 0;
                        if (mark == '#') {
                            continue;
                        }
                        if (mark == '=' || mark == '-') {
                            from++;
                        }
                        closer = CLOSE_PCT_ANGLE;
                        context = ExpressionJudge.CTX_STATEMENT | ExpressionJudge.CTX_SHELL_BACKTICK;
                    } else if (next == '#') {
                        from = i + 2;
                        closer = CLOSE_ANGLE;
                        context = ExpressionJudge.CTX_STATEMENT;
                    } else {
                        continue;
                    }
                    break;
                }
                case '[': {
                    char next = i + 1 < n ? s.charAt(i + 1) : 0;
                    if (next == '#') {
                        from = i + 2;
                        closer = CLOSE_BRACKET;
                        context = ExpressionJudge.CTX_STATEMENT;
                    } else if (next == '[') {
                        from = i + 2;
                        closer = CLOSE_2BRACKET;
                    } else if (next == '(') {
                        from = i + 2;
                        closer = CLOSE_PAREN_BRACKET;
                    } else {
                        continue;
                    }
                    break;
                }
                case '#': {
                    int w = wordEnd(s, i + 1, n);
                    if (w == i + 1) {
                        continue;
                    }
                    if (w - i - 1 == 13 && AsciiText.regionMatchesLower(s, i + 1, "_memberaccess")) {
                        return pack(ExpressionJudge.EXEC, i, w);
                    }
                    int p = skipSpaces(s, w, n);
                    char after = p < n ? s.charAt(p) : 0;
                    if (after == '(' && isVelocityDirective(s, i + 1, w)) {
                        from = i + 1;
                        closer = CLOSE_PAREN;
                        context = ExpressionJudge.CTX_STATEMENT;
                        int close = findClose(s, p + 1, n, CLOSE_PAREN);
                        int to = close >= 0 ? close : Math.min(n, p + 1 + MAX_EXPRESSION);
                        int v = ExpressionJudge.judge(new ExpressionLexer(s, from, to), context);
                        if (close < 0 && v != ExpressionJudge.EXEC) {
                            v = ExpressionJudge.NONE;
                        }
                        best = better(best, v, i, Math.min(n, to + 1));
                        if (v == ExpressionJudge.EXEC) {
                            return best;
                        }
                        judged++;
                        i = Math.max(i, to);
                        continue;
                    }
                    if ((after == '[' || after == '.') && p == w && isOgnlContextName(s, i + 1, w)) {
                        int to = Math.min(n, i + 512);
                        int v = ExpressionJudge.judge(new ExpressionLexer(s, i, to), 0);
                        best = better(best, v, i, to);
                        if (v == ExpressionJudge.EXEC) {
                            return best;
                        }
                        judged++;
                        i = to - 1;
                    }
                    continue;
                }
                case '$': {
                    // Velocity reference with a member: $x.y(...)
                    int w = wordEnd(s, i + 1, n);
                    if (w == i + 1 || w >= n || s.charAt(w) != '.' || !AsciiText.isLetter(s.charAt(i + 1))) {
                        continue;
                    }
                    int to = referenceEnd(s, w, n);
                    int v = ExpressionJudge.judge(new ExpressionLexer(s, i, to), ExpressionJudge.CTX_STATEMENT);
                    judged++;
                    if (v == ExpressionJudge.EXEC) {
                        return pack(v, i, to);
                    }
                    i = to - 1;
                    continue;
                }
                case '@': {
                    int to = ognlStaticEnd(s, i, n);
                    if (to > 0) {
                        return pack(ExpressionJudge.EXEC, i, to);
                    }
                    if (i + 1 < n && s.charAt(i + 1) == '(') {
                        from = i + 2; // Razor explicit expression @( )
                        closer = CLOSE_PAREN;
                        break;
                    }
                    continue;
                }
                default:
                    continue;
            }
            int close = findClose(s, from, n, closer);
            int to = close >= 0 ? close : Math.min(n, from + MAX_EXPRESSION);
            int v = ExpressionJudge.judge(new ExpressionLexer(s, from, to), context);
            if (close < 0 && v != ExpressionJudge.EXEC) {
                v = ExpressionJudge.NONE;
            }
            judged++;
            int end = close >= 0 ? Math.min(n, close + closerLength(closer)) : to;
            best = better(best, v, i, end);
            if (v == ExpressionJudge.EXEC) {
                return best;
            }
            i = Math.max(i, end - 1);
        }
        return best;
    }

    /** The delimiter characters {@code # $ <} as a bit set over 0..63. */
    private static final long TRIGGERS_LOW = 1L << '#' | 1L << '$' | 1L << '<';

    /** The delimiter characters {@code @ [ {} as a bit set over 64..127. */
    private static final long TRIGGERS_HIGH = 1L << ('@' - 64) | 1L << ('[' - 64) | 1L << ('{' - 64);

    /** From this length six vectorised {@code indexOf} calls beat one pass over the characters. */
    private static final int SHORT = 48;

    private static int minIndex(int a, int b) {
        return b >= 0 && b < a ? b : a;
    }

    /**
     * Where the first possible opener is, or {@code n} when there is none: the cheap prefilter, one allocation-free pass.
     * A delimiter character counts only with the neighbour its opener needs ({@code {{ {% ${ #{ *{ @{ ~{ %{ {$ {p}
     * and {@code {name}, {@code <% <#}, {@code [# [[ [(}, {@code #word}, {@code $name}, {@code @name @(}); every
     * other delimiter character is skipped by {@link #scan} without effect, so starting there changes nothing.
     */
    private static int firstTrigger(String s, int n) {
        int from = 0;
        if (n >= SHORT) {
            // long values: six vectorised searches find the first delimiter character, the loop starts there
            from = n;
            from = minIndex(from, s.indexOf('{'));
            from = minIndex(from, s.indexOf('<'));
            from = minIndex(from, s.indexOf('['));
            from = minIndex(from, s.indexOf('#'));
            from = minIndex(from, s.indexOf('$'));
            from = minIndex(from, s.indexOf('@'));
        }
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || ((c < 64 ? TRIGGERS_LOW >>> c : TRIGGERS_HIGH >>> (c - 64)) & 1L) == 0) {
                continue;
            }
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            switch (c) {
                case '{':
                    if (next == '{' || next == '%' || next == '$' || AsciiText.isLetter(next)) {
                        return i;
                    }
                    if (i > 0) {
                        char prev = s.charAt(i - 1);
                        if (prev == '$' || prev == '#' || prev == '*' || prev == '@' || prev == '~' || prev == '%') {
                            return i;
                        }
                    }
                    break;
                case '<':
                    if (next == '%' || next == '#') {
                        return i;
                    }
                    break;
                case '[':
                    if (next == '#' || next == '[' || next == '(') {
                        return i;
                    }
                    break;
                case '#':
                    if (AsciiText.isWord(next)) {
                        return i;
                    }
                    break;
                case '$':
                case '@':
                    if (AsciiText.isLetter(next) || (c == '@' && next == '(')) {
                        return i;
                    }
                    break;
                default:
                    break;
            }
        }
        return n;
    }

    private static long better(long best, int v, int start, int end) {
        return v > verdict(best) ? pack(v, start, end) : best;
    }

    private static int closerLength(int closer) {
        switch (closer) {
            case CLOSE_2BRACE:
            case CLOSE_PCT_BRACE:
            case CLOSE_PCT_ANGLE:
            case CLOSE_2BRACKET:
            case CLOSE_PAREN_BRACKET:
                return 2;
            default:
                return 1;
        }
    }

    /**
     * Where the closing delimiter starts, reading at most {@value #MAX_EXPRESSION} characters from {@code from} and
     * skipping quoted strings; -1 when it is not found.
     */
    static int findClose(String s, int from, int n, int closer) {
        int limit = Math.min(n, from + MAX_EXPRESSION);
        int depth = 0;
        char quote = 0;
        for (int j = from; j < limit; j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == '\\') {
                    j++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            char next = j + 1 < n ? s.charAt(j + 1) : 0;
            switch (c) {
                case '\'':
                case '"':
                    quote = c;
                    break;
                case '{':
                    depth += closer == CLOSE_BRACE ? 1 : 0;
                    break;
                case '(':
                    depth += closer == CLOSE_PAREN ? 1 : 0;
                    break;
                case '}':
                    if (closer == CLOSE_BRACE) {
                        if (depth == 0) {
                            return j;
                        }
                        depth--;
                    } else if (closer == CLOSE_2BRACE && next == '}') {
                        return j;
                    }
                    break;
                case ')':
                    if (closer == CLOSE_PAREN) {
                        if (depth == 0) {
                            return j;
                        }
                        depth--;
                    } else if (closer == CLOSE_PAREN_BRACKET && next == ']') {
                        return j;
                    }
                    break;
                case '%':
                    if ((closer == CLOSE_PCT_BRACE && next == '}') || (closer == CLOSE_PCT_ANGLE && next == '>')) {
                        return j;
                    }
                    break;
                case '>':
                    if (closer == CLOSE_ANGLE) {
                        return j;
                    }
                    break;
                case ']':
                    if (closer == CLOSE_BRACKET || (closer == CLOSE_2BRACKET && next == ']')) {
                        return j;
                    }
                    break;
                default:
                    break;
            }
        }
        return -1;
    }

    private static int wordEnd(String s, int from, int n) {
        int j = from;
        while (j < n && j - from < 64 && AsciiText.isWord(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int skipSpaces(String s, int from, int n) {
        int j = from;
        while (j < n && j - from < 16 && s.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    private static boolean isVelocityDirective(String s, int from, int to) {
        switch (AsciiText.lower(s.substring(from, to))) {
            case "set":
            case "foreach":
            case "if":
            case "elseif":
            case "evaluate":
            case "define":
            case "macro":
            case "parse":
            case "include":
                return true;
            default:
                return false;
        }
    }

    private static boolean isOgnlContextName(String s, int from, int to) {
        switch (AsciiText.lower(s.substring(from, to))) {
            case "context":
            case "attr":
            case "application":
            case "session":
            case "parameters":
            case "request":
                return true;
            default:
                return false;
        }
    }

    /** End of a Velocity reference chain starting at a dot: members, calls and indexes, bounded. */
    private static int referenceEnd(String s, int from, int n) {
        int limit = Math.min(n, from + MAX_EXPRESSION);
        int depth = 0;
        char quote = 0;
        int j = from;
        for (; j < limit; j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == '\\') {
                    j++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                if (depth == 0) {
                    break;
                }
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && !(AsciiText.isWord(c) || c == '.' || c == '$')) {
                break;
            }
        }
        return Math.min(j, n);
    }

    /** End of an OGNL static reference {@code @a.b.C@m} starting at {@code at}, or -1. */
    private static int ognlStaticEnd(String s, int at, int n) {
        int j = at + 1;
        int limit = Math.min(n, at + 256);
        int dots = 0;
        if (j >= limit || !AsciiText.isLetter(s.charAt(j))) {
            return -1;
        }
        while (j < limit) {
            char c = s.charAt(j);
            if (c == '.') {
                if (j + 1 >= limit || !AsciiText.isLetter(s.charAt(j + 1))) {
                    return -1;
                }
                dots++;
            } else if (!AsciiText.isWord(c)) {
                break;
            }
            j++;
        }
        if (dots == 0 || j + 1 >= limit || s.charAt(j) != '@' || !AsciiText.isLetter(s.charAt(j + 1))) {
            return -1;
        }
        return wordEnd(s, j + 1, n);
    }
}
