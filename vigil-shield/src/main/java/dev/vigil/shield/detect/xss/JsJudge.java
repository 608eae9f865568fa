package dev.vigil.shield.detect.xss;

import static dev.vigil.shield.detect.AsciiText.isDigit;
import static dev.vigil.shield.detect.AsciiText.isLetter;
import static dev.vigil.shield.detect.AsciiText.lower;
import static dev.vigil.shield.detect.AsciiText.regionMatchesLower;
import static dev.vigil.shield.detect.xss.XssRules.finding;

/**
 * Judges the text around one trigger character outside any tag: the JavaScript context (a call of a dialog or an
 * eval-like sink, sensitive DOM state, a sink used as a value), script URL schemes, CSS script, event handlers injected
 * from inside an attribute, client-side template expressions and UTF-7 markup. Every method looks at a bounded window
 * around the trigger (at most {@value #WINDOW} characters ahead, {@value #BACK} back), so a scan stays linear.
 */
final class JsJudge {

    private JsJudge() {}

    /** How far ahead a judgement looks. */
    static final int WINDOW = 256;

    /** How far back an identifier is read. */
    static final int BACK = 48;

    // identifier kinds
    private static final int NONE = 0;
    /** {@code alert prompt confirm}: arguments must look like code. */
    private static final int DIALOG = 1;
    /** {@code eval execScript}: arguments must look like code. */
    private static final int EVAL = 2;
    /** {@code setTimeout Function constructor import ...}: the first argument must be a string. */
    private static final int STRING_SINK = 3;
    /** {@code fromCharCode}: the first argument must be a number. */
    private static final int CHAR_CODES = 4;
    /** {@code call apply bind}: look at the identifier before the dot. */
    private static final int WRAPPER = 5;
    /** CSS {@code expression}. */
    private static final int EXPRESSION = 6;
    /** {@code createElement}: the argument must name a script-capable element. */
    private static final int CREATE_ELEMENT = 7;
    /** CSS {@code url}: the argument must be a script URL. */
    private static final int CSS_URL = 8;
    /** {@code setTimeout setInterval setImmediate}: a string, or code passed by name. */
    private static final int TIMER = 9;

    // receiver kinds for property access
    private static final int DOCUMENT = 1;
    private static final int WINDOW_LIKE = 2;
    private static final int LOCATION = 3;

    static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }

    /** Whether {@code c} is ignored inside a URL scheme by browsers or tolerated around it: controls and space. */
    static boolean isIgnorable(char c) {
        return c <= ' ';
    }

    /** Start of the identifier that ends (exclusive) at {@code end}, not before {@code from}; {@code end} if none. */
    static int identStart(String s, int from, int end) {
        int k = end;
        int stop = Math.max(from, end - BACK);
        while (k > stop && isIdentChar(s.charAt(k - 1))) {
            k--;
        }
        return k;
    }

    /** End (exclusive) of the identifier starting at {@code at}. */
    static int identEnd(String s, int at, int to) {
        int k = at;
        int stop = Math.min(to, at + BACK);
        while (k < stop && isIdentChar(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipSpace(String s, int p, int to) {
        while (p < to && isIgnorable(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static int skipSpaceBack(String s, int from, int k) {
        int stop = Math.max(from - 1, k - 16);
        while (k > stop && isIgnorable(s.charAt(k))) {
            k--;
        }
        return k;
    }

    /**
     * {@code a}, or the offset after a leading {@code script} when the identifier {@code s[a,b)} is code glued to the
     * name of a script tag whose angle brackets a filter removed ({@code scriptalert(1)/script}).
     */
    static int strippedScriptTag(String s, int a, int b) {
        if (b - a > 6 && regionMatchesLower(s, a, "script")) {
            return a + 6;
        }
        return a;
    }

    /** Kind of the identifier {@code s[a,b)} as a callee. */
    static int sinkKind(String s, int a, int b) {
        switch (b - a) {
            case 3:
                return regionMatchesLower(s, a, "url") ? CSS_URL : NONE;
            case 4:
                if (regionMatchesLower(s, a, "eval")) {
                    return EVAL;
                }
                if (regionMatchesLower(s, a, "call") || regionMatchesLower(s, a, "bind")) {
                    return WRAPPER;
                }
                return NONE;
            case 5:
                if (regionMatchesLower(s, a, "alert")) {
                    return DIALOG;
                }
                return regionMatchesLower(s, a, "apply") ? WRAPPER : NONE;
            case 6:
                if (regionMatchesLower(s, a, "prompt") || regionMatchesLower(s, a, "msgbox")) {
                    return DIALOG;
                }
                return regionMatchesLower(s, a, "import") ? STRING_SINK : NONE;
            case 7:
                return regionMatchesLower(s, a, "confirm") ? DIALOG : NONE;
            case 8:
                return regionMatchesLower(s, a, "function") ? STRING_SINK : NONE;
            case 10:
                if (regionMatchesLower(s, a, "settimeout")) {
                    return TIMER;
                }
                if (regionMatchesLower(s, a, "execscript")) {
                    return EVAL;
                }
                return regionMatchesLower(s, a, "expression") ? EXPRESSION : NONE;
            case 11:
                if (regionMatchesLower(s, a, "setinterval")) {
                    return TIMER;
                }
                if (regionMatchesLower(s, a, "constructor")) {
                    return STRING_SINK;
                }
                return NONE;
            case 12:
                if (regionMatchesLower(s, a, "fromcharcode")) {
                    return CHAR_CODES;
                }
                return regionMatchesLower(s, a, "setimmediate") ? TIMER : NONE;
            case 13:
                return regionMatchesLower(s, a, "createelement") ? CREATE_ELEMENT : NONE;
            case 14:
                return regionMatchesLower(s, a, "mssetimmediate") ? STRING_SINK : NONE;
            default:
                return NONE;
        }
    }

    private static boolean isDialogOrEval(String s, int a, int b) {
        int k = sinkKind(s, a, b);
        return k == DIALOG || k == EVAL;
    }

    // ---------------------------------------------------------------- calls: '(' and '`'

    /** A call at {@code i} (an opening parenthesis or a backtick of a tagged template). */
    static long callAt(String s, int from, int to, int i) {
        char open = s.charAt(i);
        if (open == '(') {
            long f = sinkArgument(s, from, to, i);
            if (f != 0) {
                return f;
            }
        }
        int k = skipSpaceBack(s, from, i - 1);
        if (k - 1 >= from && s.charAt(k) == '.' && s.charAt(k - 1) == '?') {
            k = k - 2; // optional call: alert?.(1)
        }
        if (k < from) {
            return 0;
        }
        if (s.charAt(k) == ')') {
            // parenthesised callee: (alert)(1), (0,alert)(1)
            int is = identStart(s, from, k);
            if (is < k
                    && is - 1 >= from
                    && (s.charAt(is - 1) == '(' || s.charAt(is - 1) == ',')
                    && isDialogOrEval(s, is, k)) {
                return finding(XssRules.SCRIPT_CODE, is - 1, i + 1);
            }
            return 0;
        }
        int ie = k + 1;
        int is = strippedScriptTag(s, identStart(s, from, ie), ie);
        if (is == ie || isDigit(s.charAt(is))) {
            return 0;
        }
        int kind = sinkKind(s, is, ie);
        if (kind != NONE && afterDefiningKeyword(s, from, is)) {
            return 0; // def confirm(self, ...), class Prompt(Base), function alert(x): a definition, not a call
        }
        if (kind != NONE && open == '`' && closesCodeSpan(s, from, is)) {
            return 0; // `Function` in Markdown: the backtick ends a code span, it does not tag a template
        }
        if (kind == WRAPPER) {
            if (is - 1 > from && s.charAt(is - 1) == '.') {
                int is2 = identStart(s, from, is - 1);
                if (is2 < is - 1 && !isDigit(s.charAt(is2)) && isDialogOrEval(s, is2, is - 1)) {
                    return finding(XssRules.SCRIPT_CODE, is2, i + 1);
                }
            }
            return 0;
        }
        if (open == '`' && (s.charAt(i - 1) <= ' ' || (kind != DIALOG && kind != EVAL && kind != TIMER))) {
            return 0;
        }
        if ((kind == DIALOG || kind == EVAL || kind == TIMER) && is - 1 >= from && s.charAt(is - 1) == '.') {
            // a method of some object (Python's self.confirm(...), sock.settimeout(t)), unless it is the window
            int r = identStart(s, from, is - 1);
            if (r == is - 1 || receiverKind(s, r, is - 1, false) != WINDOW_LIKE) {
                return 0;
            }
        }
        switch (kind) {
            case EVAL:
                if (open == '`' || evalArgument(s, i + 1, to)) {
                    return finding(XssRules.SCRIPT_CODE, is, argsEnd(s, i, to));
                }
                return 0;
            case DIALOG:
                if (open == '`'
                        || argsLookLikeCode(
                                s, i + 1, to, is - 1 >= from && s.charAt(is - 1) <= ' ', s.charAt(i - 1) <= ' ')) {
                    return finding(XssRules.SCRIPT_CODE, is, argsEnd(s, i, to));
                }
                return 0;
            case TIMER:
            case STRING_SINK:
                boolean names = kind == TIMER && (s.charAt(is + 3) == 'T' || s.charAt(is + 3) == 'I');
                if (ie - is == 8 && s.charAt(is) != 'F') {
                    return 0; // only the Function constructor, not a variable called function
                }
                if (s.charAt(i - 1) <= ' ' && is - 1 >= from && s.charAt(is - 1) <= ' ') {
                    return 0; // "has one import ('mod')": a word in a sentence
                }
                if (open == '`' || startsWithString(s, i + 1, to, names) || afterNew(s, from, is)) {
                    return finding(XssRules.SCRIPT_CODE, is, argsEnd(s, i, to));
                }
                return 0;
            case CREATE_ELEMENT:
                if (open == '(') {
                    int p = skipSpace(s, i + 1, to);
                    if (p < to && isQuote(s.charAt(p))) {
                        p++;
                        int e = identEnd(s, p, to);
                        if ((e - p == 6 && (regionMatchesLower(s, p, "script") || regionMatchesLower(s, p, "iframe")))
                                || (e - p == 3 && regionMatchesLower(s, p, "svg"))) {
                            return finding(XssRules.SCRIPT_CODE, is, e);
                        }
                    }
                }
                return 0;
            case CSS_URL:
                if (open == '(') {
                    int p = i + 1;
                    while (p < to && (s.charAt(p) <= ' ' || isQuote(s.charAt(p)))) {
                        p++;
                    }
                    if (p < to && HtmlScanner.scriptSchemeBody(s, p, to) >= 0
                            || (p + 10 <= to && regionMatchesLower(s, p, "javascript"))
                            || (p + 8 <= to && regionMatchesLower(s, p, "vbscript"))) {
                        return finding(XssRules.STYLE, is, Math.min(to, p + 8));
                    }
                }
                return 0;
            case CHAR_CODES:
                if (open == '(') {
                    int p = skipSpace(s, i + 1, to);
                    if (p < to && isDigit(s.charAt(p))) {
                        return finding(XssRules.SCRIPT_CODE, is, argsEnd(s, i, to));
                    }
                }
                return 0;
            case EXPRESSION:
                if (open == '(') {
                    int b = skipSpaceBack(s, from, is - 1);
                    if (b >= from && s.charAt(b) == ':') {
                        return finding(XssRules.STYLE, is, argsEnd(s, i, to));
                    }
                }
                return 0;
            default:
                return 0;
        }
    }

    /** Whether the word before {@code at} is {@code def}, {@code class} or {@code function}. */
    private static boolean afterDefiningKeyword(String s, int from, int at) {
        int k = at - 1;
        if (k < from || s.charAt(k) > ' ') {
            return false;
        }
        k = skipSpaceBack(s, from, k);
        int w = identStart(s, from, k + 1);
        int n = k + 1 - w;
        return (n == 3 && regionMatchesLower(s, w, "def"))
                || (n == 5 && regionMatchesLower(s, w, "class"))
                || (n == 8 && regionMatchesLower(s, w, "function"));
    }

    /** Whether a backtick opens before {@code at} on the same line (within a short window), with none in between. */
    private static boolean closesCodeSpan(String s, int from, int at) {
        int stop = Math.max(from, at - 64);
        for (int k = at - 1; k >= stop; k--) {
            char c = s.charAt(k);
            if (c == '`') {
                return true;
            }
            if (c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code s[a,b)} names an array, promise or function method that calls what it is given. */
    private static boolean takesCallback(String s, int a, int b) {
        switch (b - a) {
            case 3:
                return regionMatchesLower(s, a, "map");
            case 4:
                return regionMatchesLower(s, a, "find")
                        || regionMatchesLower(s, a, "some")
                        || regionMatchesLower(s, a, "then")
                        || regionMatchesLower(s, a, "call")
                        || regionMatchesLower(s, a, "sort");
            case 5:
                return regionMatchesLower(s, a, "every")
                        || regionMatchesLower(s, a, "catch")
                        || regionMatchesLower(s, a, "apply");
            case 6:
                return regionMatchesLower(s, a, "filter") || regionMatchesLower(s, a, "reduce");
            case 7:
                return regionMatchesLower(s, a, "foreach") || regionMatchesLower(s, a, "finally");
            case 9:
                return regionMatchesLower(s, a, "findindex");
            default:
                return false;
        }
    }

    /**
     * Whether what eval gets at {@code p} is attacker material: a string, {@code name}, a property chain of the page
     * ({@code location.hash...}), or a decoder call ({@code atob(...)}, {@code unescape(...)}, {@code fromCharCode}).
     * A plain variable or another call ({@code eval(text)}, {@code eval(repr(d))}) reads as ordinary code.
     */
    private static boolean evalArgument(String s, int p, int to) {
        p = skipSpace(s, p, to);
        if (p >= to) {
            return false;
        }
        char c = s.charAt(p);
        if (isQuote(c) || c == '/' || c == '[') {
            return true;
        }
        int e = identEnd(s, p, to);
        if (e == p) {
            return false;
        }
        int n = e - p;
        if (n == 4 && regionMatchesLower(s, p, "name")) {
            return true;
        }
        if (e < to && s.charAt(e) == '.') {
            return receiverKind(s, p, e, true) != NONE || (n == 6 && regionMatchesLower(s, p, "string"));
        }
        if (e < to && s.charAt(e) == '(') {
            return (n == 4 && regionMatchesLower(s, p, "atob"))
                    || (n == 8 && regionMatchesLower(s, p, "unescape"))
                    || (n == 9 && regionMatchesLower(s, p, "decodeuri"))
                    || (n == 18 && regionMatchesLower(s, p, "decodeuricomponent"))
                    || (n == 12 && regionMatchesLower(s, p, "fromcharcode"));
        }
        return false;
    }

    private static int argsEnd(String s, int i, int to) {
        int stop = Math.min(to, i + 64);
        for (int p = i + 1; p < stop; p++) {
            char c = s.charAt(p);
            if (c == ')' || c == '`') {
                return p + 1;
            }
        }
        return stop;
    }

    /** A dialog or eval passed as a value in parentheses: {@code [1].find(alert)}, {@code (alert)(1)}. */
    private static long sinkArgument(String s, int from, int to, int i) {
        boolean calledWith = i - 1 >= from && (isIdentChar(s.charAt(i - 1)) || s.charAt(i - 1) == ']');
        int callee = identStart(s, from, i);
        boolean method = calledWith && callee - 1 >= from && s.charAt(callee - 1) == '.' && takesCallback(s, callee, i);
        int p = i + 1;
        int stop = Math.min(to, i + 96);
        while (p < stop) {
            p = skipSpace(s, p, to);
            int e = identEnd(s, p, to);
            if (e == p) {
                return 0;
            }
            boolean sink = isDialogOrEval(s, p, e);
            // prompt and eval are also common variable and function names (Python's input(prompt)): as a
            // callback they count only as the last argument of a method call ([1].find(prompt))
            boolean commonName = sink && !(regionMatchesLower(s, p, "alert") || regionMatchesLower(s, p, "confirm"));
            int q = skipSpace(s, e, to);
            if (q >= to) {
                return 0;
            }
            char c = s.charAt(q);
            if (sink && c == ')') {
                boolean invoked = q + 1 < to && (s.charAt(q + 1) == '(' || s.charAt(q + 1) == '`');
                boolean passed = commonName ? method : calledWith;
                return passed || invoked ? finding(XssRules.SCRIPT_CODE, i, q + 1) : 0;
            }
            if (c != ',' || !calledWith) {
                return 0;
            }
            if (sink && !commonName) {
                return finding(XssRules.SCRIPT_CODE, i, q + 1);
            }
            p = q + 1;
        }
        return 0;
    }

    /**
     * Whether the argument list starting at {@code p} (just after the parenthesis) reads as code rather than prose: empty,
     * a literal (number, string, regular expression, array, object), an operator, or an identifier chain followed by
     * punctuation. {@code alert (the team)} does not; {@code alert(1)}, {@code alert(document.cookie)} do.
     */
    static boolean argsLookLikeCode(String s, int p, int to, boolean wordBefore, boolean spaceBefore) {
        p = skipSpace(s, p, to);
        if (p >= to) {
            return false;
        }
        char c = s.charAt(p);
        if (isQuote(c)) {
            return true;
        }
        if (wordBefore && spaceBefore) {
            return false; // "... alert (1) ...": a word in a sentence followed by a remark in parentheses
        }
        switch (c) {
            case ')':
            case '/':
            case '[':
            case '{':
            case '(':
            case '!':
            case '-':
            case '+':
            case '~':
                return true;
            default:
                break;
        }
        int e;
        if (isDigit(c)) {
            e = p;
            int stop = Math.min(to, p + 32);
            while (e < stop && (isIdentChar(s.charAt(e)) || s.charAt(e) == '.')) {
                e++;
            }
        } else if (isIdentChar(c)) {
            e = p;
            boolean chain = false;
            int stop = Math.min(to, p + WINDOW);
            while (e < stop) {
                char d = s.charAt(e);
                if (isIdentChar(d)) {
                    e++;
                } else if (d == '.' || (d == '?' && e + 1 < stop && s.charAt(e + 1) == '.')) {
                    chain = true;
                    e++;
                } else {
                    break;
                }
            }
            if (wordBefore && !chain && e < to && s.charAt(e) == ')') {
                // "set up alert(s) for ...", "the prompt(s).": a plain word in parentheses inside a sentence
                int q = e + 1;
                if (q >= to && p - 1 >= 0 && s.charAt(p - 1) == '(') {
                    return false; // "... and prompt(s)" at the end of a sentence
                }
                if (q < to && s.charAt(q) <= ' ') {
                    q = skipSpace(s, q, to);
                    if (q < to && isLetter(s.charAt(q))) {
                        return false;
                    }
                } else if (q < to
                        && (s.charAt(q) == '.' || s.charAt(q) == ',' || s.charAt(q) == ':')
                        && (q + 1 >= to || s.charAt(q + 1) <= ' ')) {
                    return false;
                }
            }
        } else {
            return false;
        }
        e = skipSpace(s, e, to);
        if (e >= to) {
            return true;
        }
        switch (s.charAt(e)) {
            case ')':
            case '(':
            case ',':
            case '[':
            case '+':
            case ';':
            case '`':
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether {@code c} quotes a string: ASCII quotes and backtick, typographic quotes and acute accent, and the cent
     * sign (a double quote with the high bit set, as 7-bit-stripping filters read it).
     */
    static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`' || c == 0xA2 || c == 0xB4 || (c >= 0x2018 && c <= 0x201F);
    }

    private static boolean afterNew(String s, int from, int is) {
        int k = skipSpaceBack(s, from, is - 1);
        return k < is - 1
                && k - 2 >= from
                && regionMatchesLower(s, k - 2, "new")
                && (k - 3 < from || !isIdentChar(s.charAt(k - 3)));
    }

    private static boolean startsWithString(String s, int p, int to, boolean names) {
        p = skipSpace(s, p, to);
        if (p >= to) {
            return false;
        }
        char c = s.charAt(p);
        if (isQuote(c)) {
            return true;
        }
        // code passed by name (setTimeout(alert, 0), setTimeout(name, 1)) or as a property (location.hash)
        int e = identEnd(s, p, to);
        if (!names) {
            return e > p && isDialogOrEval(s, p, e);
        }
        if (e == p
                || isDigit(c)
                || (e - p == 8 && regionMatchesLower(s, p, "function"))
                || (e - p == 5 && regionMatchesLower(s, p, "async"))) {
            return false;
        }
        int q = skipSpace(s, e, to);
        return q < to && (s.charAt(q) == ',' || s.charAt(q) == ')' || s.charAt(q) == '.');
    }

    // ---------------------------------------------------------------- property access: '.' and '['

    /** Kind of the receiver {@code s[a,b)}. */
    private static int receiverKind(String s, int a, int b, boolean bracket) {
        switch (b - a) {
            case 3:
                return regionMatchesLower(s, a, "top") ? WINDOW_LIKE : NONE;
            case 4:
                return NONE; // not self: it is Python's receiver
            case 6:
                if (regionMatchesLower(s, a, "window") || regionMatchesLower(s, a, "parent")) {
                    return WINDOW_LIKE;
                }
                if (regionMatchesLower(s, a, "frames") || regionMatchesLower(s, a, "opener")) {
                    return WINDOW_LIKE;
                }
                return NONE;
            case 8:
                if (regionMatchesLower(s, a, "document")) {
                    return DOCUMENT;
                }
                return regionMatchesLower(s, a, "location") ? LOCATION : NONE;
            case 10:
                return regionMatchesLower(s, a, "globalthis") ? WINDOW_LIKE : NONE;
            default:
                return NONE;
        }
    }

    private static boolean documentProperty(String s, int a, int b) {
        switch (b - a) {
            case 3:
                return regionMatchesLower(s, a, "url");
            case 4:
                return regionMatchesLower(s, a, "body") || regionMatchesLower(s, a, "head");
            case 5:
                return regionMatchesLower(s, a, "write") || regionMatchesLower(s, a, "forms");
            case 6:
                return regionMatchesLower(s, a, "cookie") || regionMatchesLower(s, a, "domain");
            case 7:
                return regionMatchesLower(s, a, "writeln") || regionMatchesLower(s, a, "baseuri");
            case 8:
                return regionMatchesLower(s, a, "location") || regionMatchesLower(s, a, "referrer");
            case 11:
                return regionMatchesLower(s, a, "documenturi")
                        || regionMatchesLower(s, a, "execcommand")
                        || regionMatchesLower(s, a, "defaultview");
            case 13:
                return regionMatchesLower(s, a, "createelement") || regionMatchesLower(s, a, "queryselector");
            case 15:
                return regionMatchesLower(s, a, "createelementns");
            case 14:
                return regionMatchesLower(s, a, "getelementbyid");
            default:
                return false;
        }
    }

    private static boolean windowProperty(String s, int a, int b) {
        switch (b - a) {
            case 4:
                return regionMatchesLower(s, a, "eval") || regionMatchesLower(s, a, "atob");
            case 5:
                return regionMatchesLower(s, a, "alert") || regionMatchesLower(s, a, "fetch");
            case 6:
                return regionMatchesLower(s, a, "prompt");
            case 7:
                return regionMatchesLower(s, a, "confirm");
            case 8:
                return regionMatchesLower(s, a, "location") || regionMatchesLower(s, a, "document");
            case 10:
                return regionMatchesLower(s, a, "execscript") || regionMatchesLower(s, a, "settimeout");
            case 11:
                return regionMatchesLower(s, a, "setinterval");
            case 12:
                return regionMatchesLower(s, a, "localstorage");
            default:
                return false;
        }
    }

    private static boolean locationProperty(String s, int a, int b) {
        switch (b - a) {
            case 4:
                return regionMatchesLower(s, a, "href") || regionMatchesLower(s, a, "hash");
            case 6:
                return regionMatchesLower(s, a, "assign") || regionMatchesLower(s, a, "search");
            case 7:
                return regionMatchesLower(s, a, "replace");
            default:
                return false;
        }
    }

    private static boolean isExpressionBefore(char c) {
        switch (c) {
            case '(':
            case '=':
            case '+':
            case '-':
            case '*':
            case '%':
            case ',':
            case ';':
            case '{':
            case '[':
            case '!':
            case ':':
            case '?':
            case '&':
            case '|':
            case '>':
            case '"':
            case '\'':
            case '`':
            case '~':
            case '^':
                return true;
            default:
                return false;
        }
    }

    private static boolean isExpressionAfter(String s, int p, int to) {
        if (p >= to) {
            return false;
        }
        switch (s.charAt(p)) {
            case '=':
                return p + 1 >= to || s.charAt(p + 1) != '=';
            case '(':
            case ')':
            case ';':
            case '+':
            case ',':
            case ']':
            case '`':
            case '[':
            case '-':
            case '*':
            case '}':
            case '|':
            case '&':
                return true;
            case '.':
                return p + 1 < to && isLetter(s.charAt(p + 1));
            default:
                return false;
        }
    }

    /** A property access at {@code i} (a dot or an opening bracket). */
    static long dotAt(String s, int from, int to, int i) {
        boolean bracket = s.charAt(i) == '[';
        int k = i;
        boolean paren = false;
        if (k - 1 >= from && s.charAt(k - 1) == ')') {
            k--;
            paren = true;
        }
        int whole = identStart(s, from, k);
        int rs = strippedScriptTag(s, whole, k);
        int recv = rs < k ? receiverKind(s, rs, k, bracket) : NONE;
        if (recv != NONE && paren && (rs - 1 < from || s.charAt(rs - 1) != '(')) {
            recv = NONE;
        }
        if (recv != NONE && rs == whole && rs - 1 >= from && isIdentChar(s.charAt(rs - 1))) {
            recv = NONE;
        }
        if (recv != NONE && rs - 1 >= from && s.charAt(rs - 1) == '.') {
            // self.document.createElement(...) in Python's minidom: only the page's own globals count
            int r = identStart(s, from, rs - 1);
            if (r == rs - 1 || receiverKind(s, r, rs - 1, false) != WINDOW_LIKE) {
                recv = NONE;
            }
        }
        int ps;
        if (bracket) {
            if (recv != DOCUMENT && recv != WINDOW_LIKE) {
                return 0;
            }
            ps = skipSpace(s, i + 1, to);
            if (ps < to && isQuote(s.charAt(ps))) {
                ps++;
            }
        } else {
            ps = i + 1;
        }
        int pe = identEnd(s, ps, to);
        if (pe == ps && !bracket) {
            return 0;
        }
        if (!bracket
                && pe - ps == 9
                && (regionMatchesLower(s, ps, "innerhtml") || regionMatchesLower(s, ps, "outerhtml"))) {
            int q = skipSpace(s, pe, to);
            if (q < to && s.charAt(q) == '+') {
                q++;
            }
            if (q < to && s.charAt(q) == '=' && (q + 1 >= to || s.charAt(q + 1) != '=')) {
                return finding(XssRules.SCRIPT_CODE, ps, q + 1);
            }
            return 0;
        }
        if (recv == NONE) {
            return 0;
        }
        boolean known;
        switch (recv) {
            case DOCUMENT:
                known = documentProperty(s, ps, pe);
                break;
            case WINDOW_LIKE:
                known = windowProperty(s, ps, pe);
                break;
            default:
                known = locationProperty(s, ps, pe);
                break;
        }
        int start = paren ? rs - 1 : rs;
        if (bracket) {
            if (known) {
                return finding(XssRules.SCRIPT_CODE, start, pe + 1);
            }
            // computed member that is then called: top['al'+'ert'](1)
            int stop = Math.min(to - 1, i + 96);
            for (int p = pe; p < stop; p++) {
                if (s.charAt(p) == ']' && s.charAt(p + 1) == '(') {
                    return finding(XssRules.SCRIPT_CODE, start, p + 2);
                }
            }
            return 0;
        }
        if (!known) {
            return 0;
        }
        int after = skipSpace(s, pe, to);
        if (recv == LOCATION) {
            // location.href=..., location.replace(...)
            return after < to && (s.charAt(after) == '=' || s.charAt(after) == '(') && isExpressionAfter(s, after, to)
                    ? finding(XssRules.SCRIPT_CODE, start, after + 1)
                    : 0;
        }
        boolean before = start - 1 < from || isExpressionBefore(s.charAt(start - 1));
        if (before || isExpressionAfter(s, after, to)) {
            return finding(XssRules.SCRIPT_CODE, start, pe);
        }
        return 0;
    }

    // ---------------------------------------------------------------- '=': injected handlers, sinks as values

    private static boolean isBreakSeparator(char c) {
        return c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '/' || c == ';' || c == '+';
    }

    /** An {@code =} outside a tag: {@code " onmouseover=...}, {@code a=alert;a(1)}. */
    static long assignAt(String s, int from, int to, int i) {
        if (i + 1 < to && s.charAt(i + 1) == '=') {
            return 0;
        }
        int k = skipSpaceBack(s, from, i - 1);
        int we = k + 1;
        int ws = we;
        int stop = Math.max(from, we - 64);
        while (ws > stop && isLetter(s.charAt(ws - 1))) {
            ws--;
        }
        if (we - ws >= 5
                && lower(s.charAt(ws)) == 'o'
                && lower(s.charAt(ws + 1)) == 'n'
                && (ws == from || isBreakSeparator(s.charAt(ws - 1)))) {
            int v = skipSpace(s, i + 1, to);
            int b = skipSpaceBack(s, from, ws - 1);
            if (k != i - 1 && b >= from && b < ws - 1 && isIdentChar(s.charAt(b))) {
                return 0; // "Node onBlock = value(...)": a declaration in code, not an attribute
            }
            if (b >= from && (s.charAt(b) == ',' || s.charAt(b) == '(')) {
                return 0; // "walk(path, onerror=handler)": a keyword argument in code
            }
            if (Events.isEvent(s, ws + 2, we)) {
                return finding(XssRules.ATTRIBUTE_BREAKOUT, ws, Math.min(to, Math.max(v, i + 1)));
            }
            if (v < to && (s.charAt(v) == '"' || s.charAt(v) == '\'' || s.charAt(v) == '`')) {
                v++;
            }
            if (k == i - 1 && looksLikeCode(s, v, Math.min(to, v + WINDOW), false)) {
                return finding(XssRules.ATTRIBUTE_BREAKOUT, ws, Math.min(to, v + 1));
            }
            return 0;
        }
        if (k >= from && (isIdentChar(s.charAt(k)) || s.charAt(k) == ']' || s.charAt(k) == ')')) {
            // a sink stored for a later call: x=alert;x(1)
            int p = i + 1;
            int e = identEnd(s, p, to);
            if (e > p && isDialogOrEval(s, p, e) && e + 1 < to) {
                char c = s.charAt(e);
                if ((c == ';' || c == ',' || (c == '<' && s.charAt(e + 1) == '/')) && !isIgnorable(s.charAt(e + 1))) {
                    return finding(XssRules.SCRIPT_CODE, ws, e);
                }
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- ':' schemes and CSS

    /**
     * Start of {@code word} (lower-case) ending just before {@code end}, ignoring case and controls or spaces between its
     * letters, and not preceded by a letter; -1 if it does not end there.
     */
    static int wordBefore(String s, int from, int end, String word) {
        int k = end - 1;
        for (int w = word.length() - 1; w >= 0; w--) {
            while (k >= from && isIgnorable(s.charAt(k))) {
                k--;
            }
            if (k < from || lower(s.charAt(k)) != word.charAt(w)) {
                return -1;
            }
            k--;
        }
        int start = k + 1;
        while (k >= from && isIgnorable(s.charAt(k))) {
            k--;
        }
        if (k >= from && isLetter(s.charAt(k))) {
            return -1;
        }
        return start;
    }

    /** A colon at {@code i}: script URL schemes, active {@code data:} types, CSS behaviours. */
    static long schemeAt(String s, int from, int to, int i) {
        int v = skipSpace(s, i + 1, to);
        if (v < to && (s.charAt(v) == 'e' || s.charAt(v) == 'E') && regionMatchesLower(s, v, "expression")) {
            // a CSS property set to expression(...), the parenthesis possibly escaped: x:expression\28...
            int q = skipSpace(s, v + 10, to);
            if (q < to && (s.charAt(q) == '(' || s.charAt(q) == '\\')) {
                return finding(XssRules.STYLE, v, q + 1);
            }
        }
        int lastAt = skipSpaceBack(s, from, i - 1);
        if (i - 4 < from || lastAt < from) {
            return 0;
        }
        char last = lower(s.charAt(lastAt));
        int at;
        switch (last) {
            case 't':
                at = wordBefore(s, from, i, "javascript");
                if (at < 0) {
                    at = wordBefore(s, from, i, "vbscript");
                }
                if (at < 0) {
                    at = wordBefore(s, from, i, "livescript");
                }
                if (at >= 0 && (looksLikeCode(s, i + 1, Math.min(to, i + 1 + WINDOW), true) || hasControl(s, at, i))) {
                    return finding(XssRules.SCRIPT_URL, at, Math.min(to, i + 1));
                }
                return 0;
            case 'a':
                at = wordBefore(s, from, i, "data");
                if (at >= 0 && activeDataType(s, i + 1, to)) {
                    return finding(XssRules.SCRIPT_URL, at, Math.min(to, i + 10));
                }
                return 0;
            case 'r':
                at = wordBefore(s, from, i, "behavior");
                if (at < 0) {
                    at = wordBefore(s, from, i, "behaviour");
                }
                if (at >= 0 && regionMatchesLower(s, skipSpace(s, i + 1, to), "url(")) {
                    return finding(XssRules.STYLE, at, i + 1);
                }
                return 0;
            case 'g':
                at = wordBefore(s, from, i, "binding");
                if (at >= 0 && regionMatchesLower(s, skipSpace(s, i + 1, to), "url(")) {
                    return finding(XssRules.STYLE, at, i + 1);
                }
                return 0;
            default:
                return 0;
        }
    }

    /** Whether {@code s[a,b)} holds a control character (tab, newline...) that browsers drop inside a scheme. */
    private static boolean hasControl(String s, int a, int b) {
        for (int k = a; k < b; k++) {
            if (s.charAt(k) < ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean activeDataType(String s, int p, int to) {
        p = skipSpace(s, p, to);
        if (p >= to) {
            return false;
        }
        switch (lower(s.charAt(p))) {
            case 't':
                return regionMatchesLower(s, p, "text/html")
                        || regionMatchesLower(s, p, "text/javascript")
                        || regionMatchesLower(s, p, "text/vbscript")
                        || regionMatchesLower(s, p, "text/xml");
            case 'a':
                return regionMatchesLower(s, p, "application/xhtml")
                        || regionMatchesLower(s, p, "application/javascript")
                        || regionMatchesLower(s, p, "application/ecmascript")
                        || regionMatchesLower(s, p, "application/x-shockwave-flash");
            default:
                return false;
        }
    }

    /**
     * Whether {@code s[p,to)} reads as script code rather than prose: a dialog or eval named anywhere, an identifier that
     * is called or assigned, or an invoked parenthesis. {@code void(0)}, {@code ;} and sentences do not.
     */
    static boolean looksLikeCode(String s, int p, int to, boolean assignments) {
        while (p < to) {
            char c = s.charAt(p);
            if (isIdentChar(c) && !isDigit(c)) {
                int e = identEnd(s, p, to);
                if (isDialogOrEval(s, p, e)) {
                    return true;
                }
                boolean isVoid = e - p == 4 && regionMatchesLower(s, p, "void");
                int q = skipSpace(s, e, to);
                if (q < to && !isVoid) {
                    char d = s.charAt(q);
                    if (d == '(' || d == '`') {
                        return true;
                    }
                    if (assignments && d == '=' && (q + 1 >= to || s.charAt(q + 1) != '=')) {
                        return true;
                    }
                }
                p = e;
            } else if (isDigit(c)) {
                while (p < to && isIdentChar(s.charAt(p))) {
                    p++;
                }
            } else {
                if (c == ')' && p + 1 < to && s.charAt(p + 1) == '(') {
                    return true;
                }
                p++;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- '{{' templates, UTF-7

    /** An AngularJS-style expression at {@code i} ({@code {{}) reaching for the constructor or scope internals. */
    static long templateAt(String s, int from, int to, int i) {
        if (i - 1 >= from && s.charAt(i - 1) == '&') {
            // a Netscape JavaScript entity: &{code};
            int stop = Math.min(to, i + 64);
            for (int p = i + 1; p < stop; p++) {
                char c = s.charAt(p);
                if (c == '}') {
                    return 0;
                }
                if (c == '(') {
                    return finding(XssRules.SCRIPT_CODE, i - 1, p + 1);
                }
            }
            return 0;
        }
        if (i - 1 >= from && s.charAt(i - 1) == '$') {
            // a template literal substitution holding a dialog or eval: `${alert}`
            int p = skipSpace(s, i + 1, to);
            int e = identEnd(s, p, to);
            if (e > p && isDialogOrEval(s, p, e)) {
                return finding(XssRules.SCRIPT_CODE, i - 1, e);
            }
        }
        if (i + 1 >= to || s.charAt(i + 1) != '{') {
            return 0;
        }
        int stop = Math.min(to, i + 2 + WINDOW);
        for (int p = i + 2; p < stop; p++) {
            char c = s.charAt(p);
            if ((c == '}' || c == '{') && p + 1 < to && s.charAt(p + 1) == c) {
                return 0; // the end, or the next opener (judged on its own, which keeps this linear)
            }
            if ((c == 'c' || c == 'C') && regionMatchesLower(s, p, "constructor")) {
                return finding(XssRules.TEMPLATE, i, p + 11);
            }
            if (c == '$'
                    && (regionMatchesLower(s, p, "$eval")
                            || regionMatchesLower(s, p, "$on")
                            || regionMatchesLower(s, p, "$emit")
                            || regionMatchesLower(s, p, "$parent"))) {
                return finding(XssRules.TEMPLATE, i, p + 3);
            }
            if (c == '_' && regionMatchesLower(s, p, "__proto__")) {
                return finding(XssRules.TEMPLATE, i, p + 9);
            }
        }
        return 0;
    }

    /** Markup written in UTF-7 ({@code +ADw-script+AD4-}) at {@code i}. */
    static long utf7At(String s, int to, int i) {
        if (i + 6 <= to && regionMatchesLower(s, i, "+adw-") && (isLetter(s.charAt(i + 5)) || s.charAt(i + 5) == '/')) {
            return finding(XssRules.TAG, i, i + 6);
        }
        return 0;
    }
}
