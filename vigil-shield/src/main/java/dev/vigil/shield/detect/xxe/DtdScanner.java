package dev.vigil.shield.detect.xxe;

import dev.vigil.shield.detect.AsciiText;

/**
 * A lenient scanner over the DTD parts of a value: {@code <!DOCTYPE ...>} headers and their internal subset, and
 * {@code <!ENTITY ...>} declarations wherever they appear (a payload may be a bare DTD fragment, or sit in a CDATA
 * section to be parsed later). It is not an XML parser: it reads declarations the way a permissive parser would
 * (keywords in any case, either quote, missing spaces tolerated) and never fails. It also recognises XInclude and
 * XSLT constructs that make an XML processor load other resources.
 *
 * <p>Result packed in a {@code long}: rule (bits 56+), start (bits 28..55), end (bits 0..27); 0 for none.
 */
final class DtdScanner {

    /** Rule strengths. */
    static final int NONE = 0;

    static final int EXPANSION = 1;
    static final int EXTERNAL_DTD = 2;
    static final int INCLUDE = 3;
    static final int PARAMETER_ENTITY = 4;
    static final int EXTERNAL_ENTITY = 5;

    /** Declarations examined per value. */
    static final int MAX_DECLARATIONS = 256;

    /** Internal entity names remembered for the expansion check. */
    private static final int MAX_NAMES = 64;

    private DtdScanner() {}

    static long pack(int rule, int start, int end) {
        return (long) rule << 56 | (long) (start & 0xFFFFFFF) << 28 | (end & 0xFFFFFFF);
    }

    static int rule(long packed) {
        return (int) (packed >>> 56);
    }

    static int start(long packed) {
        return (int) (packed >>> 28) & 0xFFFFFFF;
    }

    static int end(long packed) {
        return (int) packed & 0xFFFFFFF;
    }

    /** Scans {@code t}; see the class comment for the result. */
    static long scan(String t) {
        long best = 0;
        int n = t.length();
        String[] names = null;
        int nameCount = 0;
        int dtdFrom = -1; // where DTD context starts (a DOCTYPE subset or the first ENTITY declaration)
        int from = 0;
        for (int count = 0; count < MAX_DECLARATIONS; count++) {
            int lt = t.indexOf("<!", from);
            if (lt < 0) {
                break;
            }
            int k = lt + 2;
            from = k;
            if (t.startsWith("--", k)) {
                int close = t.indexOf("-->", k + 2);
                if (close < 0) {
                    break;
                }
                from = close + 3;
                continue;
            }
            if (AsciiText.regionMatchesLower(t, k, "doctype")) {
                long found = doctype(t, lt, k + 7);
                if (rule(found) > rule(best)) {
                    best = found;
                }
                int bracket = subsetStart(t, k + 7);
                if (bracket >= 0 && dtdFrom < 0) {
                    dtdFrom = bracket;
                }
            } else if (AsciiText.regionMatchesLower(t, k, "entity")) {
                if (dtdFrom < 0) {
                    dtdFrom = lt;
                }
                int p = skipSpace(t, k + 6);
                boolean parameter = false;
                int pct = percentAt(t, p);
                if (pct > 0 && p + pct < n && (AsciiText.isSpace(t.charAt(p + pct)) || t.charAt(p + pct) == '"')) {
                    parameter = true;
                    p = skipSpace(t, p + pct);
                }
                int nameStart = p;
                while (p < n && isNameChar(t.charAt(p))) {
                    p++;
                }
                int nameEnd = p;
                p = skipSpace(t, p);
                if (AsciiText.regionMatchesLower(t, p, "system") || AsciiText.regionMatchesLower(t, p, "public")) {
                    // general or parameter: either makes the parser fetch the identifier
                    best = pack(EXTERNAL_ENTITY, lt, declarationEnd(t, p));
                } else if (parameter) {
                    if (PARAMETER_ENTITY > rule(best)) {
                        best = pack(PARAMETER_ENTITY, lt, declarationEnd(t, p));
                    }
                } else if (p < n && (t.charAt(p) == '"' || t.charAt(p) == '\'')) {
                    int valueEnd = literalEnd(t, p);
                    if (names != null && EXPANSION > rule(best) && expands(t, p + 1, valueEnd, names, nameCount)) {
                        best = pack(EXPANSION, lt, declarationEnd(t, p));
                    }
                    if (nameEnd > nameStart && nameEnd - nameStart <= 64) {
                        if (names == null) {
                            names = new String[MAX_NAMES];
                        }
                        if (nameCount < MAX_NAMES) {
                            names[nameCount++] = t.substring(nameStart, nameEnd);
                        }
                    }
                }
                if (rule(best) == EXTERNAL_ENTITY) {
                    return best;
                }
            }
        }
        if (dtdFrom >= 0 && PARAMETER_ENTITY > rule(best)) {
            int ref = parameterReference(t, dtdFrom, dtdEnd(t, dtdFrom));
            if (ref >= 0) {
                best = pack(PARAMETER_ENTITY, ref, Math.min(n, t.indexOf(';', ref) + 1));
            }
        }
        if (INCLUDE > rule(best)) {
            long inc = includes(t);
            if (inc != 0) {
                best = inc;
            }
        }
        return best;
    }

    /** Judges a DOCTYPE's external identifier; {@code k} is just after the keyword. */
    private static long doctype(String t, int lt, int k) {
        int n = t.length();
        int p = skipSpace(t, k);
        while (p < n && !AsciiText.isSpace(t.charAt(p)) && t.charAt(p) != '[' && t.charAt(p) != '>') {
            p++;
        }
        p = skipSpace(t, p);
        if (AsciiText.regionMatchesLower(t, p, "system")) {
            int lit = skipSpace(t, p + 6);
            if (AsciiText.regionMatchesLower(t, lit + 1, "about:legacy-compat")) {
                return 0; // the HTML5 legacy doctype
            }
            return pack(EXTERNAL_DTD, lt, declarationEnd(t, p));
        }
        if (AsciiText.regionMatchesLower(t, p, "public")) {
            int lit = skipSpace(t, p + 6);
            if (lit < n && (t.charAt(lit) == '"' || t.charAt(lit) == '\'')) {
                int close = literalEnd(t, lit);
                if (close < n && isFormalPublicId(t, lit + 1, close)) {
                    return 0; // a registered document type (XHTML, SVG, plist, ...): its DTD URL is well known
                }
            }
            return pack(EXTERNAL_DTD, lt, declarationEnd(t, p));
        }
        return 0;
    }

    /**
     * Whether {@code t[from, to)} is a formal public identifier of a published document type: an owner
     * ({@code -//Owner//}, {@code +//Owner//} or {@code ISO ...//}) followed by a text class such as {@code DTD}.
     */
    private static boolean isFormalPublicId(String t, int from, int to) {
        if (!(t.startsWith("-//", from) || t.startsWith("+//", from) || t.startsWith("ISO", from))) {
            return false;
        }
        int owner = t.indexOf("//", from + 3);
        if (owner < 0 || owner >= to) {
            return false;
        }
        int cls = skipSpace(t, owner + 2);
        return t.startsWith("DTD ", cls) || t.startsWith("ENTITIES ", cls) || t.startsWith("ELEMENTS ", cls);
    }

    /** The {@code [} opening a DOCTYPE's internal subset, or -1. */
    private static int subsetStart(String t, int k) {
        int n = t.length();
        for (int p = k; p < n && p - k < 256; p++) {
            char c = t.charAt(p);
            if (c == '[') {
                return p;
            }
            if (c == '>') {
                return -1;
            }
        }
        return -1;
    }

    /** Where the DTD context starting at {@code from} ends: after a {@code ]>} closing a subset, else the end. */
    private static int dtdEnd(String t, int from) {
        int n = t.length();
        if (from >= n || t.charAt(from) != '[') {
            return n;
        }
        for (int i = t.indexOf(']', from); i >= 0; i = t.indexOf(']', i + 1)) {
            int p = skipSpace(t, i + 1);
            if (p < n && t.charAt(p) == '>') {
                return p;
            }
        }
        return n;
    }

    /** The closing quote of the literal opened at {@code q}, looking at most 4096 characters ahead. */
    private static int literalEnd(String t, int q) {
        char quote = t.charAt(q);
        int limit = Math.min(t.length(), q + 4097);
        for (int i = q + 1; i < limit; i++) {
            if (t.charAt(i) == quote) {
                return i;
            }
        }
        return limit;
    }

    /** Where a declaration starting at or before {@code p} ends (after its {@code >}, outside quotes). */
    private static int declarationEnd(String t, int p) {
        int n = t.length();
        char quote = 0;
        for (int i = p; i < n && i - p < 4096; i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return Math.min(n, p + 1);
    }

    /**
     * Whether an internal entity's replacement text {@code t[from, to)} refers to other declared entities at least
     * twice: the multiplying step of an entity expansion ("billion laughs") attack.
     */
    private static boolean expands(String t, int from, int to, String[] names, int nameCount) {
        int refs = 0;
        int seen = 0;
        for (int i = t.indexOf('&', from); i >= 0 && i < to && seen < 64; i = t.indexOf('&', i + 1)) {
            seen++;
            int e = i + 1;
            while (e < to && isNameChar(t.charAt(e))) {
                e++;
            }
            if (e < to && t.charAt(e) == ';' && e > i + 1) {
                for (int k = 0; k < nameCount; k++) {
                    String name = names[k];
                    if (name.length() == e - i - 1 && t.startsWith(name, i + 1)) {
                        refs++;
                        break;
                    }
                }
                if (refs >= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first parameter-entity reference ({@code %name;}) at or after {@code from}, or -1. */
    private static int parameterReference(String t, int from, int to) {
        int n = t.length();
        for (int i = from; i < to; i++) {
            int len = percentAt(t, i);
            if (len == 0) {
                continue;
            }
            int e = i + len;
            int nameStart = e;
            while (e < n && e - nameStart < 64 && isNameChar(t.charAt(e))) {
                e++;
            }
            if (e > nameStart
                    && e < to
                    && t.charAt(e) == ';'
                    && (AsciiText.isLetter(t.charAt(nameStart)) || t.charAt(nameStart) == '_')) {
                return i;
            }
            i = e - 1;
        }
        return -1;
    }

    /** Length of a {@code %} at {@code i}: 1 for {@code %}, the reference length for {@code &#37;}/{@code &#x25;}. */
    private static int percentAt(String t, int i) {
        if (i >= t.length()) {
            return 0;
        }
        char c = t.charAt(i);
        if (c == '%') {
            return 1;
        }
        if (c == '&') {
            if (t.startsWith("&#37;", i)) {
                return 5;
            }
            if (AsciiText.regionMatchesLower(t, i, "&#x25;")) {
                return 6;
            }
        }
        return 0;
    }

    /**
     * XInclude ({@code <xi:include>} or the XInclude namespace with an include element) and XSLT that loads
     * documents or binds an extension-function namespace ({@code document()}, {@code unparsed-text()},
     * {@code xsl:include}/{@code xsl:import}, PHP, Xalan or Saxon Java extensions).
     */
    private static long includes(String t) {
        int n = t.length();
        int xsl = -1;
        int count = 0;
        for (int i = t.indexOf('<'); i >= 0 && count < 1024; i = t.indexOf('<', i + 1), count++) {
            if (i + 4 >= n) {
                break;
            }
            char c = t.charAt(i + 1);
            if (c != 'x' && c != 'X') {
                continue;
            }
            if (AsciiText.regionMatchesLower(t, i + 1, "xi:include")) {
                return pack(INCLUDE, i, Math.min(n, i + 11));
            }
            if (AsciiText.regionMatchesLower(t, i + 1, "xsl:")) {
                if (xsl < 0) {
                    xsl = i;
                }
                if (AsciiText.regionMatchesLower(t, i + 5, "include")
                        || AsciiText.regionMatchesLower(t, i + 5, "import")) {
                    return pack(INCLUDE, i, Math.min(n, i + 12));
                }
            } else if (isSchemaComposition(t, i)) {
                return pack(INCLUDE, i, Math.min(n, i + 11));
            }
        }
        if (t.indexOf("2001/XInclude") >= 0 || t.indexOf("2001/xinclude") >= 0) {
            int x = AsciiText.indexOfIgnoreCase(t, ":include", 0);
            if (x >= 0) {
                return pack(INCLUDE, x, Math.min(n, x + 8));
            }
        }
        if (xsl < 0) {
            return 0;
        }
        int at = AsciiText.indexOfIgnoreCase(t, "document(", xsl);
        if (at < 0) {
            at = AsciiText.indexOfIgnoreCase(t, "unparsed-text(", xsl);
        }
        if (at < 0) {
            at = AsciiText.indexOfIgnoreCase(t, "php.net/xsl", 0);
        }
        if (at < 0) {
            at = AsciiText.indexOfIgnoreCase(t, "xml.apache.org/xalan/java", 0);
        }
        if (at < 0) {
            at = AsciiText.indexOfIgnoreCase(t, "saxon.sf.net/java", 0);
        }
        if (at < 0) {
            at = AsciiText.indexOfIgnoreCase(t, "=\"java:", 0);
        }
        return at < 0 ? 0 : pack(INCLUDE, at, Math.min(n, at + 9));
    }

    /**
     * Whether an XML Schema composition element starts at {@code i} ({@code <xs:include>}, {@code <xs:import>},
     * {@code <xs:redefine>}, {@code <xs:override>}, prefix {@code xs} or {@code xsd}): a schema supplied by the client
     * that makes the validator load other documents.
     */
    private static boolean isSchemaComposition(String t, int i) {
        int p = i + 3;
        if (!AsciiText.regionMatchesLower(t, i + 1, "xs")) {
            return false;
        }
        if (p < t.length() && (t.charAt(p) == 'd' || t.charAt(p) == 'D')) {
            p++;
        }
        if (p >= t.length() || t.charAt(p) != ':') {
            return false;
        }
        p++;
        return AsciiText.regionMatchesLower(t, p, "include")
                || AsciiText.regionMatchesLower(t, p, "import")
                || AsciiText.regionMatchesLower(t, p, "redefine")
                || AsciiText.regionMatchesLower(t, p, "override");
    }

    private static int skipSpace(String t, int p) {
        int n = t.length();
        while (p < n && AsciiText.isSpace(t.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isNameChar(char c) {
        return AsciiText.isWord(c) || c == '-' || c == '.' || c == ':' || c > 0x7F;
    }
}
