package dev.vigil.shield.detect.nosqli;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * The shapes NoSQL injection needs, judged with linear scans: an operator name in a key position, JavaScript after a
 * string breakout, and ORM lookup suffixes on parameter names. Each scan looks at a bounded window around each
 * candidate character, so the work is linear in the text.
 */
final class NoSqlSyntax {

    static final String OPERATOR = "VGL-NOSQLI-001";
    static final String JAVASCRIPT = "VGL-NOSQLI-002";
    static final String ORM_LOOKUP = "VGL-NOSQLI-003";

    /** Longest operator or identifier read. */
    private static final int MAX_WORD = 40;

    private NoSqlSyntax() {}

    /** The strongest finding in {@code v}, or null. */
    static Detection judge(Variant v) {
        String s = v.text();
        if (s.indexOf('$') >= 0) {
            Detection d = operator(v, s);
            if (d != null) {
                return d;
            }
        }
        if (s.indexOf(';') >= 0 || s.indexOf('(') >= 0 || s.indexOf('|') >= 0 || s.indexOf('&') >= 0) {
            Detection d = javascript(v, s);
            if (d != null) {
                return d;
            }
        }
        if (s.indexOf("__") >= 0) {
            return ormLookup(v, s);
        }
        return null;
    }

    // ---- VGL-NOSQLI-001: query operators in key positions

    private static Detection operator(Variant v, String s) {
        int n = s.length();
        int i = s.indexOf('$');
        while (i >= 0) {
            int end = i + 1;
            while (end < n && end - i <= MAX_WORD && AsciiText.isLetter(s.charAt(end))) {
                end++;
            }
            if (end > i + 1 && end - i <= MAX_WORD && isOperator(s, i + 1, end) && inKeyPosition(s, i, end)) {
                return new Detection(OPERATOR, "MongoDB query operator in a key", Severity.HIGH, v, i, end);
            }
            i = s.indexOf('$', i + 1);
        }
        return null;
    }

    /** Whether {@code $op} at {@code [at, end)} stands where a key stands: bracket, object key, or the whole value. */
    private static boolean inKeyPosition(String s, int at, int end) {
        int n = s.length();
        char before = at > 0 ? s.charAt(at - 1) : 0;
        char after = end < n ? s.charAt(end) : 0;
        if (before == '[' && after == ']') {
            return true; // user[$ne]=x
        }
        if ((before == '"' || before == '\'') && after == before) {
            // quoted key: "$gt": ...
            int k = skipSpace(s, end + 1);
            return k < n && s.charAt(k) == ':';
        }
        int p = skipSpaceBack(s, at - 1);
        int k = skipSpace(s, end);
        if (p < 0 && k >= n) {
            return true; // the value is the operator itself (an object key reported by the extractor)
        }
        if (k < n && s.charAt(k) == ':' && (k + 1 >= n || s.charAt(k + 1) != ':')) {
            // unquoted key: { $ne: 1 }, ', $where: '...'
            return p < 0 || isKeyOpener(s.charAt(p));
        }
        if (k < n && s.charAt(k) == '=' && (p < 0 || s.charAt(p) == '&' || s.charAt(p) == '?')) {
            return true; // $where=... as a parameter
        }
        return false;
    }

    private static boolean isKeyOpener(char c) {
        return c == '{' || c == ',' || c == '[' || c == '(' || c == '\'' || c == '"';
    }

    /**
     * MongoDB query, logical, element, evaluation, array and aggregation operators that change what a query matches.
     * Update and pipeline-formatting operators ({@code $set}, {@code $sort}, {@code $limit}) and the names shared with
     * JSON Schema, JSON.NET and OData ({@code $ref}, {@code $id}, {@code $type}, {@code $comment}, {@code $skip},
     * {@code $count}, {@code $search}) are left out: they are common in benign JSON and query strings.
     */
    static boolean isOperator(String s, int from, int to) {
        switch (s.substring(from, to)) {
            case "eq":
            case "ne":
            case "gt":
            case "gte":
            case "lt":
            case "lte":
            case "in":
            case "nin":
            case "and":
            case "or":
            case "not":
            case "nor":
            case "exists":
            case "expr":
            case "jsonSchema":
            case "mod":
            case "regex":
            case "options":
            case "where":
            case "all":
            case "elemMatch":
            case "size":
            case "function":
            case "accumulator":
            case "lookup":
            case "graphLookup":
            case "unionWith":
            case "match":
            case "group":
            case "facet":
            case "bitsAllSet":
            case "bitsAnySet":
            case "bitsAllClear":
            case "bitsAnyClear":
            case "geoWithin":
            case "geoIntersects":
            case "near":
            case "nearSphere":
                return true;
            default:
                return false;
        }
    }

    // ---- VGL-NOSQLI-002: JavaScript for $where / mapReduce

    private static Detection javascript(Variant v, String s) {
        int n = s.length();
        // a Mongo shell call: db.<collection>.<method>(
        int i = s.indexOf("db.");
        while (i >= 0) {
            if (i == 0 || !AsciiText.isWord(s.charAt(i - 1))) {
                int c1 = wordEnd(s, i + 3);
                if (c1 > i + 3 && c1 < n && s.charAt(c1) == '.') {
                    int m = wordEnd(s, c1 + 1);
                    if (m < n && s.charAt(m) == '(' && isShellMethod(s, c1 + 1, m)) {
                        return new Detection(JAVASCRIPT, "MongoDB shell call", Severity.HIGH, v, i, m + 1);
                    }
                }
            }
            i = s.indexOf("db.", i + 3);
        }
        // this.<field> used in a where predicate: this.password.match(/.*/), this.a == 'x'
        i = s.indexOf("this.");
        while (i >= 0) {
            int f = wordEnd(s, i + 5);
            if (f > i + 5 && (i == 0 || !AsciiText.isWord(s.charAt(i - 1))) && precededByBreakout(s, i)) {
                return new Detection(JAVASCRIPT, "JavaScript predicate on this", Severity.HIGH, v, i, f);
            }
            i = s.indexOf("this.", i + 5);
        }
        // a string or number breakout followed by a JavaScript statement: ';return true;  1;sleep(5000)
        int start = breakoutEnd(s);
        if (start > 0) {
            int w = skipSpace(s, start);
            int e = wordEnd(s, w);
            if (e > w && isStatementStart(s, w, e)) {
                return new Detection(JAVASCRIPT, "JavaScript after a string breakout", Severity.HIGH, v, 0, e);
            }
        }
        return null;
    }

    /**
     * Where the statement after a breakout prefix starts: the value opens with at most a quote, a number or closing
     * brackets, then {@code ;}, {@code &&} or {@code ||}. Zero when it does not.
     */
    private static int breakoutEnd(String s) {
        int n = Math.min(s.length(), 24);
        // a word then a closing quote: admin'; ...
        int q = 0;
        while (q < n
                && (AsciiText.isWord(s.charAt(q)) || s.charAt(q) == '-' || s.charAt(q) == '.' || s.charAt(q) == '@')) {
            q++;
        }
        int i = q < n && (s.charAt(q) == '\'' || s.charAt(q) == '"') ? q : 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ';') {
                return i + 1;
            }
            if ((c == '&' || c == '|') && i + 1 < n && s.charAt(i + 1) == c) {
                return i + 2;
            }
            if (c == '\'' || c == '"' || c == ')' || c == '}' || c == ']' || AsciiText.isDigit(c) || c == ' ') {
                i++;
                continue;
            }
            return 0;
        }
        return 0;
    }

    /** Whether {@code this.} at {@code at} follows a quote breakout and a JavaScript logical operator. */
    private static boolean precededByBreakout(String s, int at) {
        int p = skipSpaceBack(s, at - 1);
        if (p >= 1 && (s.charAt(p) == '&' || s.charAt(p) == '|') && s.charAt(p - 1) == s.charAt(p)) {
            return true;
        }
        if (p >= 0 && s.charAt(p) == ';') {
            return true;
        }
        return p < 0; // the whole value is a predicate on this
    }

    /** Whether the word at {@code [from, to)} starts a JavaScript statement, with the syntax that must follow it. */
    private static boolean isStatementStart(String s, int from, int to) {
        int n = s.length();
        char next = to < n ? s.charAt(to) : 0;
        int k = skipSpace(s, to);
        char after = k < n ? s.charAt(k) : 0;
        switch (s.substring(from, to)) {
            case "return":
            case "throw":
                return next == ' ' || next == '(' || next == ';' || next == '!';
            case "var":
            case "let":
            case "const":
                return next == ' ' && k < n && (AsciiText.isLetter(after) || after == '_' || after == '$');
            case "sleep":
            case "while":
            case "for":
            case "emit":
            case "function":
                return after == '(';
            case "do":
                return after == '{';
            case "this":
            case "db":
                return next == '.';
            default:
                // an assignment from a constructor call: x=new Date()
                if (k < s.length() && s.charAt(k) == '=' && k + 1 < s.length() && s.charAt(k + 1) != '=') {
                    int w = skipSpace(s, k + 1);
                    return s.startsWith("new", w) && w + 3 < s.length() && AsciiText.isSpace(s.charAt(w + 3));
                }
                return false;
        }
    }

    private static boolean isShellMethod(String s, int from, int to) {
        switch (s.substring(from, to)) {
            case "find":
            case "findOne":
            case "insert":
            case "insertOne":
            case "insertMany":
            case "update":
            case "updateOne":
            case "updateMany":
            case "remove":
            case "deleteOne":
            case "deleteMany":
            case "drop":
            case "mapReduce":
            case "aggregate":
            case "count":
            case "group":
                return true;
            default:
                return false;
        }
    }

    // ---- VGL-NOSQLI-003: ORM lookup operators in names

    /** Finds {@code field__lookup} used as a name (whole value, before {@code =}, or a quoted key before {@code :}). */
    private static Detection ormLookup(Variant v, String s) {
        int i = s.indexOf("__");
        int n = s.length();
        while (i >= 0) {
            int start = i;
            while (start > 0 && AsciiText.isWord(s.charAt(start - 1))) {
                start--;
            }
            int end = wordEnd(s, i);
            if (isLookupChain(s, start, end) && usedAsName(s, start, end)) {
                return lookup(v, s, start, end);
            }
            i = end < n ? s.indexOf("__", end) : -1;
        }
        return null;
    }

    /**
     * A lookup finding: MEDIUM when the name also traverses a relation ({@code owner__password__startswith}), LOW for
     * a single field ({@code price__gte}), which is also how filter libraries are used on purpose.
     */
    static Detection lookup(Variant v, String s, int start, int end) {
        int first = s.indexOf("__", start);
        boolean traversal = first >= 0 && s.indexOf("__", first + 2) >= 0 && s.indexOf("__", first + 2) < end;
        return traversal
                ? new Detection(
                        ORM_LOOKUP, "ORM relation traversal with a lookup operator", Severity.MEDIUM, v, start, end)
                : new Detection(ORM_LOOKUP, "ORM lookup operator in a parameter name", Severity.LOW, v, start, end);
    }

    /** Whether {@code name} (a parameter name) is a {@code field__lookup} chain. */
    static boolean isLookupName(String name) {
        return name.length() > 3
                && name.length() <= 256
                && name.indexOf("__") > 0
                && isLookupChain(name, 0, name.length())
                && wordEnd(name, 0) == name.length();
    }

    private static boolean isLookupChain(String s, int start, int end) {
        if (end - start > 256 || start >= end || !AsciiText.isLetter(s.charAt(start))) {
            return false;
        }
        int last = s.lastIndexOf("__", end - 1);
        if (last <= start || last + 2 >= end) {
            return false;
        }
        // every segment non-empty: no ___ runs, no dunder names
        for (int k = start; k + 1 < end; k++) {
            if (s.charAt(k) == '_' && s.charAt(k + 1) == '_' && (k + 2 >= end || s.charAt(k + 2) == '_')) {
                return false;
            }
        }
        return isLookup(s, last + 2, end);
    }

    private static boolean usedAsName(String s, int start, int end) {
        int n = s.length();
        char before = start > 0 ? s.charAt(start - 1) : 0;
        char after = end < n ? s.charAt(end) : 0;
        if (start == 0 && end == n) {
            return true;
        }
        if ((before == 0 || before == '&' || before == '?') && (after == '=' || after == '[')) {
            return true;
        }
        if ((before == '"' || before == '\'') && after == before) {
            int k = skipSpace(s, end + 1);
            return k < n && s.charAt(k) == ':';
        }
        return false;
    }

    /**
     * Django field lookups (and the Postgres/JSON ones) that let a caller extract data one comparison at a time or
     * bypass a filter: partial matches, ranges, regular expressions, null and key tests. {@code exact}, {@code iexact}
     * and {@code in} only compare for equality and are left out.
     */
    private static boolean isLookup(String s, int from, int to) {
        switch (s.substring(from, to)) {
            case "contains":
            case "icontains":
            case "gt":
            case "gte":
            case "lt":
            case "lte":
            case "startswith":
            case "istartswith":
            case "endswith":
            case "iendswith":
            case "range":
            case "isnull":
            case "regex":
            case "iregex":
            case "has_key":
            case "has_keys":
            case "has_any_keys":
            case "contained_by":
            case "overlap":
            case "search":
            case "trigram_similar":
            case "unaccent":
                return true;
            default:
                return false;
        }
    }

    // ---- helpers

    private static int wordEnd(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && AsciiText.isWord(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && AsciiText.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaceBack(String s, int from) {
        int i = from;
        while (i >= 0 && AsciiText.isSpace(s.charAt(i))) {
            i--;
        }
        return i;
    }
}
