package dev.vigil.shield.detect.xss;

import static dev.vigil.shield.detect.AsciiText.isLetter;
import static dev.vigil.shield.detect.AsciiText.lower;
import static dev.vigil.shield.detect.AsciiText.regionMatchesLower;
import static dev.vigil.shield.detect.xss.XssRules.finding;

/**
 * A small, tolerant HTML tokenizer in the spirit of the HTML5 tokenizer, and the judgement of what it reads.
 *
 * <p>One linear pass looks for trigger characters. At {@code <} it follows the tokenizer states: tag open, tag name
 * (up to white space, {@code /} or {@code >}; a namespace prefix is dropped), then attributes (white space and
 * {@code /} separate them, so {@code <svg/onload=...>} reads as HTML does; a name may start with {@code =}; values are
 * double-quoted, single-quoted or unquoted up to white space or {@code >}; a missing {@code >} or closing quote just
 * ends the tag at the end of the text, since the page around an injection usually supplies it). End tags, {@code <!}
 * declarations and comments are stepped over without hiding what follows them, so markup hidden after a comment opener
 * is still seen; {@code <?} processing instructions are read like tags. Every attribute value is scanned again, up to
 * {@value #MAX_DEPTH} levels deep, for markup and script URLs inside it. Outside tags the other triggers ({@code :}
 * {@code =} {@code (} backtick {@code .} {@code [} {@code {} {@code +}) go to {@link JsJudge}.
 *
 * <p>Limits: at most {@value #MAX_TAGS} tags per scan and {@value #MAX_ATTRIBUTES} attributes per tag are judged;
 * the caller caps the text at {@link XssRules#MAX_SCAN} characters. Work is linear in the text (each nesting level
 * reads a value once more, and the judges look at bounded windows).
 */
final class HtmlScanner {

    private HtmlScanner() {}

    static final int MAX_DEPTH = 2;
    static final int MAX_TAGS = 1024;
    static final int MAX_ATTRIBUTES = 64;

    /** Trigger characters below 64: {@code ( + . : < =}. */
    private static final long LOW = 1L << '(' | 1L << '+' | 1L << '.' | 1L << ':' | 1L << '<' | 1L << '=';

    /** Trigger characters 64..127: {@code [ ` {}. */
    private static final long HIGH = 1L << ('[' - 64) | 1L << ('`' - 64) | 1L << ('{' - 64);

    // tag kinds
    private static final int OTHER = 0;
    /** Executable or loading by itself. */
    private static final int ACTIVE = 1;
    /** {@code base}, {@code link}: loads with an href. */
    private static final int NEEDS_HREF = 2;
    /** {@code meta} with http-equiv, charset or a URL in content. */
    private static final int META = 3;
    /** {@code form} with an action. */
    private static final int NEEDS_ACTION = 4;
    /** {@code bgsound}, {@code xml}: loads with a src. */
    private static final int NEEDS_SRC = 5;
    /** {@code object}, {@code embed}, {@code applet}: load with any attribute (type, data, code, classid...). */
    private static final int NEEDS_ANY = 6;
    /** {@code <?xml-stylesheet}: loads with an href to the document itself or to another origin. */
    private static final int STYLESHEET_PI = 7;

    // attribute facts for the tag kinds above
    private static final int HAS_HREF = 1;
    private static final int HAS_ACTION = 2;
    private static final int HAS_SRC = 4;
    private static final int HAS_META = 8;
    private static final int HAS_ANY = 16;
    private static final int HAS_FOREIGN_HREF = 32;

    /**
     * Scans {@code s[from,to)} and returns the first strong finding, or else the strongest weaker one, packed as in
     * {@link XssRules}; 0 when nothing was found.
     */
    static long scan(String s, int from, int to, int depth) {
        if (depth == 0 && from == 0) {
            return scanTop(s, to);
        }
        long best = 0;
        int tags = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 64) {
                if ((LOW >>> c & 1L) == 0) {
                    continue;
                }
            } else if (c >= 128 || (HIGH >>> (c - 64) & 1L) == 0) {
                continue;
            }
            long f;
            switch (c) {
                case '<':
                    if (++tags > MAX_TAGS) {
                        continue;
                    }
                    long r = tag(s, i, to, depth);
                    if (r > 0) {
                        return r;
                    }
                    i = (int) -r - 1;
                    continue;
                case ':':
                    f = JsJudge.schemeAt(s, from, to, i);
                    break;
                case '=':
                    f = JsJudge.assignAt(s, from, to, i);
                    break;
                case '(':
                case '`':
                    f = JsJudge.callAt(s, from, to, i);
                    break;
                case '.':
                case '[':
                    f = JsJudge.dotAt(s, from, to, i);
                    break;
                case '{':
                    f = JsJudge.templateAt(s, from, to, i);
                    break;
                default:
                    f = JsJudge.utf7At(s, to, i);
                    break;
            }
            if (f != 0) {
                if (XssRules.rank(XssRules.rule(f)) >= 3) {
                    return f;
                }
                if (best == 0 || XssRules.rank(XssRules.rule(f)) > XssRules.rank(XssRules.rule(best))) {
                    best = f;
                }
            }
        }
        return best;
    }

    /** Per-thread copy of the text being scanned at the top level (grown on demand, at most {@link XssRules#MAX_SCAN}). */
    private static final ThreadLocal<char[]> BUFFER = new ThreadLocal<>();

    /**
     * {@link #scan} of {@code s[0,to)} at the top level: the trigger search runs over a reused copy of the characters
     * (one bulk {@code getChars}, no per-character bounds checks on the string), the judges still read {@code s}.
     */
    private static long scanTop(String s, int to) {
        char[] buf = BUFFER.get();
        if (buf == null || buf.length < to) {
            buf = new char[Math.max(to, 256)];
            BUFFER.set(buf);
        }
        s.getChars(0, to, buf, 0);
        long best = 0;
        int tags = 0;
        for (int i = 0; i < to; i++) {
            char c = buf[i];
            if (c < 64) {
                if ((LOW >>> c & 1L) == 0) {
                    continue;
                }
            } else if (c >= 128 || (HIGH >>> (c - 64) & 1L) == 0) {
                continue;
            }
            long f;
            switch (c) {
                case '<':
                    if (++tags > MAX_TAGS) {
                        continue;
                    }
                    long r = tag(s, i, to, 0);
                    if (r > 0) {
                        return r;
                    }
                    i = (int) -r - 1;
                    continue;
                case ':':
                    if (!mayBeScheme(buf, i, to)) {
                        continue;
                    }
                    f = JsJudge.schemeAt(s, 0, to, i);
                    break;
                case '=':
                    if (!mayBeAssignment(buf, i, to)) {
                        continue;
                    }
                    f = JsJudge.assignAt(s, 0, to, i);
                    break;
                case '(':
                    if (!mayBeCall(buf, i, to)) {
                        continue;
                    }
                    f = JsJudge.callAt(s, 0, to, i);
                    break;
                case '`':
                    f = JsJudge.callAt(s, 0, to, i);
                    break;
                case '.':
                case '[':
                    if (!mayBeMemberAccess(buf, i, to)) {
                        continue;
                    }
                    f = JsJudge.dotAt(s, 0, to, i);
                    break;
                case '{':
                    f = JsJudge.templateAt(s, 0, to, i);
                    break;
                default:
                    f = JsJudge.utf7At(s, to, i);
                    break;
            }
            if (f != 0) {
                if (XssRules.rank(XssRules.rule(f)) >= 3) {
                    return f;
                }
                if (best == 0 || XssRules.rank(XssRules.rule(f)) > XssRules.rank(XssRules.rule(best))) {
                    best = f;
                }
            }
        }
        return best;
    }

    /**
     * Cheap necessary condition for {@link JsJudge#dotAt} to find anything at {@code buf[i]} ({@code .} or {@code [}):
     * a receiver (identifier or closing parenthesis) before it, or for a dot an identifier after it that may be
     * {@code innerHTML}/{@code outerHTML}. Dots in paths, numbers after a space, {@code ../} and the like are skipped.
     */
    private static boolean mayBeMemberAccess(char[] buf, int i, int to) {
        char prev = i > 0 ? buf[i - 1] : ' ';
        boolean receiver = JsJudge.isIdentChar(prev) || prev == ')';
        if (buf[i] == '[') {
            return receiver;
        }
        if (i + 1 >= to || !JsJudge.isIdentChar(buf[i + 1])) {
            return false;
        }
        char next = (char) (buf[i + 1] | 0x20);
        return receiver || next == 'i' || next == 'o';
    }

    /** Whether {@code c} can start a dialog or eval sink name (alert, confirm, prompt, msgbox, eval, execScript). */
    private static boolean isSinkInitial(char c) {
        switch (c | 0x20) {
            case 'a':
            case 'c':
            case 'p':
            case 'm':
            case 'e':
                return true;
            default:
                return false;
        }
    }

    /**
     * Cheap necessary condition for {@link JsJudge#callAt} at an opening parenthesis {@code buf[i]}: a callee before it
     * (identifier, {@code )}, {@code ]}, {@code ?.}, or white space that the judge skips), or an argument that may be
     * a sink passed by name.
     */
    private static boolean mayBeCall(char[] buf, int i, int to) {
        if (i > 0) {
            char prev = buf[i - 1];
            if (prev <= ' ' || JsJudge.isIdentChar(prev) || prev == ')' || prev == ']' || prev == '.') {
                return true;
            }
        }
        if (i + 1 >= to) {
            return false;
        }
        char next = buf[i + 1];
        return next <= ' ' || isSinkInitial(next);
    }

    /**
     * Cheap necessary condition for {@link JsJudge#assignAt} at {@code buf[i] == '='}: a word (an {@code on...} name)
     * or white space before it, or a sink name after it.
     */
    private static boolean mayBeAssignment(char[] buf, int i, int to) {
        if (i > 0 && (buf[i - 1] <= ' ' || isLetter(buf[i - 1]))) {
            return true;
        }
        return i + 1 < to && isSinkInitial(buf[i + 1]);
    }

    /**
     * Cheap necessary condition for {@link JsJudge#schemeAt} at {@code buf[i] == ':'}: the scheme or CSS property before
     * it ends in {@code t} (javascript, vbscript, livescript), {@code a} (data), {@code r} (behavior) or {@code g}
     * (binding), or {@code expression} may follow; white space on either side is left to the judge.
     */
    private static boolean mayBeScheme(char[] buf, int i, int to) {
        if (i > 0) {
            char prev = buf[i - 1];
            if (prev <= ' ') {
                return true;
            }
            switch (prev | 0x20) {
                case 't':
                case 'a':
                case 'r':
                case 'g':
                    return true;
                default:
                    break;
            }
        }
        if (i + 1 >= to) {
            return false;
        }
        char next = buf[i + 1];
        return next <= ' ' || (next | 0x20) == 'e';
    }

    private static boolean isTagSpace(char c) {
        return c <= ' ';
    }

    /**
     * Reads the tag opened at {@code s[i] == '<'}. Returns a finding (positive), or minus the index where scanning
     * resumes (always after {@code i}).
     */
    private static long tag(String s, int i, int to, int depth) {
        int p = i + 1;
        if (p >= to) {
            return -(long) p;
        }
        char d = s.charAt(p);
        if (d == '!') {
            return declaration(s, i, to);
        }
        if (d == '/') {
            return endTag(s, i, to);
        }
        if (d == '?') {
            p++;
        }
        int ns = p;
        if (p < to && s.charAt(p) == ':') {
            p++; // <:vmlframe
        }
        if (p >= to || !isLetter(s.charAt(p))) {
            return -(long) (i + 1);
        }
        int ls = p;
        while (p < to) {
            char ch = s.charAt(p);
            if (isTagSpace(ch) || ch == '/' || ch == '>') {
                break;
            }
            if (ch == ':') {
                ls = p + 1;
            }
            p++;
        }
        int ne = p;
        if (i > 0
                && JsJudge.isIdentChar(s.charAt(i - 1))
                && ne < to
                && s.charAt(ne) == '>'
                && ls == ns
                && followsTypeArgument(s, ne + 1, to)) {
            // a type argument in code (List<Object> all = ..., new ArrayList<Frame>()), not markup
            return -(long) ne;
        }
        int kind = tagKind(s, ls, ne);
        if (ls > ns && kind == OTHER) {
            kind = prefixKind(s, ns, ls, ne);
        }
        if (d == '?' && kind == OTHER && ne - ls == 14 && regionMatchesLower(s, ls, "xml-stylesheet")) {
            // <?xml-stylesheet href=...?> makes the browser apply a style sheet or XSLT: the document itself (#) or one
            // from another origin is attacker-controlled; the site's own relative file (href="style.xsl") is not
            kind = STYLESHEET_PI;
        }
        if (kind == ACTIVE) {
            return finding(XssRules.TAG, i, ne);
        }
        int facts = 0;
        int attributes = 0;
        while (p < to) {
            char ch = s.charAt(p);
            if (isTagSpace(ch) || ch == '/') {
                p++;
                continue;
            }
            if (ch == '>') {
                p++;
                break;
            }
            if (++attributes > MAX_ATTRIBUTES) {
                break;
            }
            int an = p;
            p++; // the first character may be '='
            while (p < to) {
                ch = s.charAt(p);
                if (isTagSpace(ch) || ch == '/' || ch == '>' || ch == '=') {
                    break;
                }
                p++;
            }
            int ae = p;
            int q = p;
            while (q < to && isTagSpace(s.charAt(q))) {
                q++;
            }
            int vs = -1;
            int ve = -1;
            if (q < to && s.charAt(q) == '=') {
                q++;
                while (q < to && isTagSpace(s.charAt(q))) {
                    q++;
                }
                if (q < to && (s.charAt(q) == '"' || s.charAt(q) == '\'')) {
                    vs = q + 1;
                    int e = s.indexOf(s.charAt(q), vs);
                    if (e < 0 || e >= to) {
                        ve = to;
                        p = to;
                    } else {
                        ve = e;
                        p = e + 1;
                    }
                } else {
                    vs = q;
                    while (q < to && !isTagSpace(s.charAt(q)) && s.charAt(q) != '>') {
                        q++;
                    }
                    ve = q;
                    p = q;
                }
            } else {
                p = q;
            }
            long f = attribute(s, an, ae, vs, ve, depth);
            if (f != 0) {
                return f;
            }
            if (kind != OTHER) {
                facts |= attributeFact(s, an, ae, vs, ve) | (vs >= 0 ? HAS_ANY : 0);
            }
        }
        if (depth < MAX_DEPTH) {
            // read the whole tag again as plain text: tolerates what the tokenizer split differently from the
            // attacker's intent (entity-decoded spaces inside a scheme, code in a tag name, '+' for spaces)
            long f = scan(s, i + 1, p, depth + 1);
            if (f != 0) {
                return f;
            }
        }
        switch (kind) {
            case NEEDS_HREF:
                return (facts & HAS_HREF) != 0 ? finding(XssRules.TAG, i, p) : -(long) p;
            case META:
                return (facts & HAS_META) != 0 ? finding(XssRules.TAG, i, p) : -(long) p;
            case NEEDS_ACTION:
                return (facts & HAS_ACTION) != 0 ? finding(XssRules.TAG, i, p) : -(long) p;
            case NEEDS_SRC:
                return (facts & HAS_SRC) != 0 ? finding(XssRules.TAG, i, p) : -(long) p;
            case NEEDS_ANY:
                return (facts & HAS_ANY) != 0 ? finding(XssRules.TAG, i, p) : -(long) p;
            case STYLESHEET_PI:
                return (facts & HAS_FOREIGN_HREF) != 0 ? finding(XssRules.TAG, i, p) : -(long) p;
            default:
                return -(long) p;
        }
    }

    /**
     * {@code <!}: comments and doctypes are stepped over (what follows is still scanned); an external entity
     * declaration ({@code <!ENTITY x SYSTEM "...">}) that can pull markup into the document is a finding.
     */
    private static long declaration(String s, int i, int to) {
        int p = i + 2;
        if (p + 6 <= to && regionMatchesLower(s, p, "entity")) {
            int stop = Math.min(to, p + JsJudge.WINDOW);
            for (int k = p + 6; k < stop; k++) {
                char c = s.charAt(k);
                if (c == '>') {
                    break;
                }
                if ((c == 's' || c == 'S') && regionMatchesLower(s, k, "system")
                        || (c == 'p' || c == 'P') && regionMatchesLower(s, k, "public")) {
                    return finding(XssRules.TAG, i, k + 6);
                }
            }
        }
        return -(long) p;
    }

    /**
     * {@code </}: an end tag is stepped over, except that closing an element whose content is raw text (script, style,
     * title, textarea, ...) right after a quote or {@code >} and then opening markup is a breakout from that element.
     */
    private static long endTag(String s, int i, int to) {
        int p = i + 2;
        int e = p;
        while (e < to && isLetter(s.charAt(e))) {
            e++;
        }
        if (e == p || !isRawTextElement(s, p, e)) {
            return -(long) p;
        }
        int b = i - 1;
        while (b >= 0 && s.charAt(b) <= ' ' && i - b < 8) {
            b--;
        }
        boolean broke = b < 0 || s.charAt(b) == '>' || JsJudge.isQuote(s.charAt(b));
        if (!broke) {
            return -(long) e;
        }
        int q = e;
        while (q < to && s.charAt(q) <= ' ') {
            q++;
        }
        if (q >= to || s.charAt(q) != '>') {
            return -(long) e;
        }
        q++;
        while (q < to && (s.charAt(q) <= ' ' || s.charAt(q) == '>')) {
            q++;
        }
        if (q + 1 < to && s.charAt(q) == '<' && isLetter(s.charAt(q + 1))) {
            return finding(XssRules.ATTRIBUTE_BREAKOUT, i, q + 1);
        }
        return -(long) e;
    }

    private static boolean isRawTextElement(String s, int a, int b) {
        switch (b - a) {
            case 3:
                return regionMatchesLower(s, a, "xmp");
            case 5:
                return regionMatchesLower(s, a, "title") || regionMatchesLower(s, a, "style");
            case 6:
                return regionMatchesLower(s, a, "script") || regionMatchesLower(s, a, "iframe");
            case 7:
                return regionMatchesLower(s, a, "noembed");
            case 8:
                return regionMatchesLower(s, a, "textarea")
                        || regionMatchesLower(s, a, "noscript")
                        || regionMatchesLower(s, a, "template")
                        || regionMatchesLower(s, a, "noframes");
            default:
                return false;
        }
    }

    /** Whether the text after {@code Name<Type>} continues like code: punctuation, or a space and an identifier. */
    private static boolean followsTypeArgument(String s, int p, int to) {
        if (p >= to) {
            return false;
        }
        switch (s.charAt(p)) {
            case '(':
            case ')':
            case '>':
            case ',':
            case ';':
            case '[':
            case ']':
            case '.':
            case ':':
                return true;
            case ' ':
                return p + 1 < to && JsJudge.isIdentChar(s.charAt(p + 1));
            default:
                return false;
        }
    }

    /** Kind of a namespaced tag {@code s[ns,ne)} with local name from {@code ls}: SVG, XSLT, IE namespace imports. */
    private static int prefixKind(String s, int ns, int ls, int ne) {
        int prefix = ls - 1 - ns;
        if (prefix == 3 && (regionMatchesLower(s, ns, "svg") || regionMatchesLower(s, ns, "xsl"))) {
            return ACTIVE;
        }
        if (prefix == 2 && regionMatchesLower(s, ns, "xi") && ne - ls == 7 && regionMatchesLower(s, ls, "include")) {
            return ACTIVE;
        }
        if (prefix == 3 && regionMatchesLower(s, ns, "xml") && ne - ls == 9 && regionMatchesLower(s, ls, "namespace")) {
            return ACTIVE;
        }
        return OTHER;
    }

    private static int tagKind(String s, int a, int b) {
        switch (b - a) {
            case 3:
                if (regionMatchesLower(s, a, "svg")) {
                    return ACTIVE;
                }
                return regionMatchesLower(s, a, "xml") ? NEEDS_SRC : OTHER;
            case 4:
                if (regionMatchesLower(s, a, "base") || regionMatchesLower(s, a, "link")) {
                    return NEEDS_HREF;
                }
                if (regionMatchesLower(s, a, "meta")) {
                    return META;
                }
                if (regionMatchesLower(s, a, "form")) {
                    return NEEDS_ACTION;
                }
                return OTHER;
            case 5:
                if (regionMatchesLower(s, a, "frame")) {
                    return NEEDS_SRC;
                }
                if (regionMatchesLower(s, a, "style") || regionMatchesLower(s, a, "layer")) {
                    return ACTIVE;
                }
                return regionMatchesLower(s, a, "embed") ? NEEDS_ANY : OTHER;
            case 6:
                if (regionMatchesLower(s, a, "script")
                        || regionMatchesLower(s, a, "iframe")
                        || regionMatchesLower(s, a, "import")
                        || regionMatchesLower(s, a, "ilayer")) {
                    return ACTIVE;
                }
                return regionMatchesLower(s, a, "object") || regionMatchesLower(s, a, "applet") ? NEEDS_ANY : OTHER;
            case 7:
                if (regionMatchesLower(s, a, "isindex")) {
                    return ACTIVE;
                }
                return regionMatchesLower(s, a, "bgsound") ? NEEDS_SRC : OTHER;
            case 8:
                return regionMatchesLower(s, a, "frameset") || regionMatchesLower(s, a, "vmlframe") ? ACTIVE : OTHER;
            default:
                return OTHER;
        }
    }

    /**
     * Whether the URL {@code s[vs,ve)} points at the document itself ({@code #...}) or at another origin
     * ({@code //host}, or any {@code scheme:}), rather than at a relative path of the site.
     */
    private static boolean foreignOrSelf(String s, int vs, int ve) {
        int p = vs;
        while (p < ve && s.charAt(p) <= ' ') {
            p++;
        }
        if (p >= ve) {
            return false;
        }
        char c = s.charAt(p);
        if (c == '#') {
            return true;
        }
        if (c == '/' || c == '\\') {
            return p + 1 < ve && (s.charAt(p + 1) == '/' || s.charAt(p + 1) == '\\');
        }
        for (int k = p; k < ve; k++) {
            char d = s.charAt(k);
            if (d == ':') {
                return k > p;
            }
            if (!isLetter(d) && !(k > p && ((d >= '0' && d <= '9') || d == '+' || d == '-' || d == '.'))) {
                return false;
            }
        }
        return false;
    }

    private static int attributeFact(String s, int an, int ae, int vs, int ve) {
        switch (ae - an) {
            case 3:
                return regionMatchesLower(s, an, "src") ? HAS_SRC : 0;
            case 4:
                if (!regionMatchesLower(s, an, "href")) {
                    return 0;
                }
                return vs >= 0 && foreignOrSelf(s, vs, ve) ? HAS_HREF | HAS_FOREIGN_HREF : HAS_HREF;
            case 6:
                return regionMatchesLower(s, an, "action") ? HAS_ACTION : 0;
            case 7:
                if (regionMatchesLower(s, an, "charset")) {
                    return HAS_META;
                }
                if (regionMatchesLower(s, an, "content") && vs >= 0) {
                    for (int k = vs; k + 4 <= ve; k++) {
                        if (lower(s.charAt(k)) == 'u' && regionMatchesLower(s, k, "url=")) {
                            return HAS_META;
                        }
                    }
                }
                return regionMatchesLower(s, an, "datasrc") ? HAS_SRC : 0;
            case 10:
                return regionMatchesLower(s, an, "http-equiv") ? HAS_META : 0;
            default:
                return 0;
        }
    }

    /** Judges one attribute {@code s[an,ae)} with value {@code s[vs,ve)} ({@code vs < 0}: no value). */
    private static long attribute(String s, int an, int ae, int vs, int ve, int depth) {
        int n = ae - an;
        if (n >= 5 && lower(s.charAt(an)) == 'o' && lower(s.charAt(an + 1)) == 'n' && allLetters(s, an + 2, ae)) {
            return finding(XssRules.HANDLER, an, Math.max(ae, ve));
        }
        if (vs < 0 || vs >= ve) {
            return 0;
        }
        switch (n) {
            case 5:
                if (regionMatchesLower(s, an, "style") && suspiciousCss(s, vs, ve)) {
                    long inner = depth < MAX_DEPTH ? scan(s, vs, ve, depth + 1) : 0;
                    return inner != 0 && XssRules.rank(XssRules.rule(inner)) >= 3
                            ? inner
                            : finding(XssRules.STYLE, an, ve);
                }
                break;
            case 6:
                if (regionMatchesLower(s, an, "srcdoc") && s.indexOf('<', vs) >= 0 && s.indexOf('<', vs) < ve) {
                    return finding(XssRules.TAG, an, ve);
                }
                break;
            case 7:
                if (regionMatchesLower(s, an, "datasrc") || regionMatchesLower(s, an, "datafld")) {
                    return finding(XssRules.HANDLER, an, ve);
                }
                break;
            case 10:
                if (regionMatchesLower(s, an, "xlink:href") && s.charAt(vs) != '#') {
                    return finding(XssRules.HANDLER, an, ve);
                }
                break;
            case 12:
                if (regionMatchesLower(s, an, "dataformatas")) {
                    return finding(XssRules.HANDLER, an, ve);
                }
                break;
            case 13:
                if (regionMatchesLower(s, an, "attributename") && animatesScript(s, vs, ve)) {
                    return finding(XssRules.HANDLER, an, ve);
                }
                break;
            default:
                break;
        }
        int body = scriptSchemeBody(s, vs, ve);
        if (body >= 0 && !trivialScript(s, body, ve)) {
            return finding(XssRules.SCRIPT_URL, vs, body);
        }
        if (depth < MAX_DEPTH) {
            return scan(s, vs, ve, depth + 1);
        }
        return 0;
    }

    /** Whether an SVG animation's attributeName targets a handler or a link. */
    private static boolean animatesScript(String s, int vs, int ve) {
        int n = ve - vs;
        if (n >= 4 && lower(s.charAt(vs)) == 'o' && lower(s.charAt(vs + 1)) == 'n') {
            return true;
        }
        return (n == 4 && regionMatchesLower(s, vs, "href")) || (n == 10 && regionMatchesLower(s, vs, "xlink:href"));
    }

    /**
     * Whether a style attribute does more than set plain properties: loads something ({@code url(}, {@code @import},
     * bindings, behaviours), runs script ({@code expression}, {@code javascript}), hides text behind escapes or
     * comments, or breaks out of the declaration block.
     */
    static boolean suspiciousCss(String s, int a, int b) {
        char quote = 0;
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c < ' ' || c == ';' || c == '[' || c == ']') {
                    return true; // a string that would end the declaration, or broken by a control character
                }
                continue;
            }
            switch (c) {
                case '"':
                case '\'':
                    quote = c;
                    break;
                case '\\':
                case '{':
                case '}':
                case '[':
                case ']':
                case '@':
                    return true;
                case '/':
                    if (k + 1 < b && s.charAt(k + 1) == '*') {
                        return true;
                    }
                    break;
                case '(':
                    int w = JsJudge.identStart(s, a, k);
                    if (w < k) {
                        return true; // url( expression( and any other function
                    }
                    break;
                case ':':
                    if (JsJudge.wordBefore(s, a, k, "javascript") >= 0
                            || JsJudge.wordBefore(s, a, k, "behavior") >= 0
                            || JsJudge.wordBefore(s, a, k, "behaviour") >= 0
                            || JsJudge.wordBefore(s, a, k, "binding") >= 0) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return containsSkippingComments(s, a, b, "expression");
    }

    /**
     * Where the script after a {@code javascript:}, {@code vbscript:}, {@code livescript:} or {@code mocha:} scheme at
     * the start of a value begins (leading quotes, controls and spaces skipped, also between the scheme's letters); -1
     * when the value does not start with such a scheme.
     */
    static int scriptSchemeBody(String s, int a, int b) {
        int p = a;
        while (p < b && (s.charAt(p) <= ' ' || s.charAt(p) == '`' || s.charAt(p) == '"' || s.charAt(p) == '\'')) {
            p++;
        }
        if (p >= b) {
            return -1;
        }
        int e;
        switch (lower(s.charAt(p))) {
            case 'j':
                e = wordAfter(s, p, b, "javascript");
                break;
            case 'v':
                e = wordAfter(s, p, b, "vbscript");
                break;
            case 'l':
                e = wordAfter(s, p, b, "livescript");
                break;
            case 'm':
                e = wordAfter(s, p, b, "mocha");
                break;
            default:
                return -1;
        }
        if (e < 0) {
            return -1;
        }
        while (e < b && s.charAt(e) <= ' ') {
            e++;
        }
        return e < b && s.charAt(e) == ':' ? e + 1 : -1;
    }

    private static int wordAfter(String s, int p, int b, String word) {
        int k = p;
        for (int w = 0; w < word.length(); w++) {
            while (k < b && s.charAt(k) <= ' ') {
                k++;
            }
            if (k >= b || lower(s.charAt(k)) != word.charAt(w)) {
                return -1;
            }
            k++;
        }
        return k;
    }

    /** Whether the script {@code s[p,b)} does nothing: empty, semicolons, {@code void(0)}. */
    static boolean trivialScript(String s, int p, int b) {
        boolean seenVoid = false;
        while (p < b) {
            char c = s.charAt(p);
            if (c <= ' ' || c == ';' || c == '"' || c == '\'' || (seenVoid && (c == '(' || c == ')' || c == '0'))) {
                p++;
            } else if (!seenVoid && regionMatchesLower(s, p, "void")) {
                seenVoid = true;
                p += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean allLetters(String s, int a, int b) {
        for (int k = a; k < b; k++) {
            if (!isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code word} (lower case) occurs in {@code s[a,b)} ignoring case, CSS comments, backslashes and controls
     * between its letters ({@code ex/ ** /pression}, {@code exp\ression}).
     */
    static boolean containsSkippingComments(String s, int a, int b, String word) {
        char first = word.charAt(0);
        for (int i = a; i < b; i++) {
            if (lower(s.charAt(i)) != first) {
                continue;
            }
            int k = i + 1;
            int w = 1;
            int budget = 64;
            while (w < word.length() && k < b && budget-- > 0) {
                char c = s.charAt(k);
                if (c == '\\' || c <= ' ') {
                    k++;
                } else if (c == '/' && k + 1 < b && s.charAt(k + 1) == '*') {
                    int end = k + 2;
                    while (end + 1 < b && budget-- > 0 && !(s.charAt(end) == '*' && s.charAt(end + 1) == '/')) {
                        end++;
                    }
                    if (end + 1 >= b || budget <= 0) {
                        break;
                    }
                    k = end + 2;
                } else if (lower(c) == word.charAt(w)) {
                    w++;
                    k++;
                } else {
                    break;
                }
            }
            if (w == word.length()) {
                return true;
            }
        }
        return false;
    }
}
