package dev.vigil.shield.detect.sqli;

import dev.vigil.shield.detect.AsciiText;

/**
 * Splits a value into SQL tokens the way a database would read it after the value is pasted into a query: either
 * bare (as a number or identifier) or just after an opening quote, in which case the text up to the first unpaired
 * closing quote is one string token. Then folds the stream: block comments and MySQL version comments ({@code /*!
 * ... *}{@code /}) become white space, {@code +} next to a keyword becomes white space (a query-string space), unary
 * operators join their operand, keyword pairs merge ({@code UNION ALL}, {@code ORDER BY}, {@code WAITFOR DELAY},
 * {@code NOT LIKE}, ...), comparison words become comparison operators, and a name followed by {@code (} becomes a
 * function call.
 *
 * <p>Reads at most {@link #MAX_CHARS} characters and keeps at most {@link #MAX_TOKENS} tokens, so the work per value
 * is bounded. One instance is used by one thread for one value at a time.
 */
final class SqlLexer {

    /** Characters of a value that are tokenised. */
    static final int MAX_CHARS = 4096;

    /** Tokens kept per context. */
    static final int MAX_TOKENS = 384;

    // token types
    static final int STR = 1;
    static final int NUM = 2;
    static final int WORD = 3;
    static final int VAR = 4;
    static final int KW = 5;
    static final int FUNC = 6;
    static final int LOGIC = 7;
    static final int CMP = 8;
    static final int OP = 9;
    static final int LPAREN = 10;
    static final int RPAREN = 11;
    static final int COMMA = 12;
    static final int SEMI = 13;
    static final int COMMENT = 14;
    static final int OTHER = 15;

    // flags
    /** A string without its closing quote. */
    static final int F_OPEN = 1;
    /** The {@code ||} operator (concatenation or logical or, by dialect). */
    static final int F_PIPES = 2;
    /** A unary operator was folded into this value. */
    static final int F_UNARY = 4;
    /** A {@code @@} system variable. */
    static final int F_SYSVAR = 8;
    /** A name with a dot (qualified). */
    static final int F_QUALIFIED = 16;
    /** A comment that reaches the end of the value. */
    static final int F_TO_END = 32;
    /** A number written in hex or binary. */
    static final int F_HEX = 64;
    /** A {@code +} operator. */
    static final int F_PLUS = 128;

    int n;
    final int[] type = new int[MAX_TOKENS];
    /** Keyword id for KW/LOGIC/CMP words, the quote char for STR, the function class for FUNC. */
    final int[] kw = new int[MAX_TOKENS];

    final int[] flags = new int[MAX_TOKENS];
    final int[] start = new int[MAX_TOKENS];
    final int[] end = new int[MAX_TOKENS];
    /** For words: the function class of the name (used when a {@code (} follows). */
    final int[] fn = new int[MAX_TOKENS];

    /** Scratch for the judge's result position. */
    final int[] at = new int[1];

    /** A string in the stream whose quote differs from the context's and has no closing quote. */
    boolean badOpenString;

    private String s;
    private int limit;

    /** The first {@link #MAX_CHARS} chars of {@link #s}, copied once per text (no bounds-checked charAt). */
    final char[] b = new char[MAX_CHARS];

    /**
     * Keyword and function class of the known-length word starting at each offset of the current text, so that the
     * second and third context reuse the first's lookups: {@code memoEnd[i] == j + 1} when valid for word i..j.
     */
    private final int[] memoEnd = new int[MAX_CHARS];

    private final int[] memoKw = new int[MAX_CHARS];
    private final int[] memoFn = new int[MAX_CHARS];
    /** Offsets with a memo entry for the current text (cleared lazily when the text changes). */
    private final int[] memoUsed = new int[MAX_CHARS];

    private int memoCount;

    /**
     * Makes {@code text} the current text: copies its first chars into {@link #b}. A no-op when it already is (the
     * same String object, so the same chars). Returns the number of chars copied.
     */
    int prepare(String text) {
        if (text == s) {
            return limit;
        }
        for (int i = 0; i < memoCount; i++) {
            memoEnd[memoUsed[i]] = 0;
        }
        memoCount = 0;
        s = text;
        limit = Math.min(text.length(), MAX_CHARS);
        text.getChars(0, limit, b, 0);
        return limit;
    }

    /**
     * Tokenises {@code text} as SQL. With {@code quote} 0 the value starts bare; with {@code '} or {@code "} it
     * starts inside such a string. Returns false (and no tokens) when the value never leaves the string.
     */
    boolean lex(String text, char quote) {
        prepare(text);
        n = 0;
        badOpenString = false;
        int i = 0;
        if (quote != 0) {
            int close = stringEnd(0, quote);
            if (close < 0) {
                return false;
            }
            add(STR, quote, 0, close + 1, 0);
            i = close + 1;
        }
        boolean versionComment = false;
        while (i < limit && n < MAX_TOKENS) {
            char c = b[i];
            if (c <= ' ' || c >= 0x80 && isUnicodeSpace(c)) {
                i++;
                continue;
            }
            if (c == 0x2013 || c == 0x2014) {
                i = lineComment(i, 1); // an en or em dash where "--" was meant
                continue;
            }
            if (c >= 0x80 && !isUnicodePunct(c) || SqlLexer.isWordStart(c)) {
                i = word(i, quote);
                continue;
            }
            if (c >= '0' && c <= '9') {
                i = number(i);
                continue;
            }
            switch (c) {
                case '\'':
                case '"':
                    i = string(i, c, quote);
                    break;
                case '`': {
                    int close = s.indexOf('`', i + 1);
                    int e = close < 0 || close >= limit ? limit : close + 1;
                    add(WORD, 0, i, e, 0);
                    i = e;
                    break;
                }
                case '[':
                    i = bracket(i);
                    break;
                case '(':
                    add(LPAREN, 0, i, i + 1, 0);
                    i++;
                    break;
                case ')':
                    add(RPAREN, 0, i, i + 1, 0);
                    i++;
                    break;
                case ',':
                    add(COMMA, 0, i, i + 1, 0);
                    i++;
                    break;
                case ';':
                    add(SEMI, 0, i, i + 1, 0);
                    i++;
                    break;
                case '#':
                    if (at(i + 1) == '>' && n > 0 && (type[n - 1] == STR || type[n - 1] == WORD)) {
                        int e = at(i + 2) == '>' ? i + 3 : i + 2; // PostgreSQL path operators #> and #>>
                        add(OP, '#', i, e, 0);
                        i = e;
                        break;
                    }
                    i = lineComment(i, 2);
                    break;
                case '?': {
                    char d = at(i + 1);
                    int e = d == '|' || d == '&' ? i + 2 : i + 1; // PostgreSQL jsonb ? ?| ?&
                    add(CMP, '?', i, e, 0);
                    i = e;
                    break;
                }
                case '-':
                    if (at(i + 1) == '-') {
                        i = lineComment(i, 1);
                    } else if (at(i + 1) == '>') {
                        int e = at(i + 2) == '>' ? i + 3 : i + 2; // JSON operators -> and ->>
                        add(OP, '>', i, e, 0);
                        i = e;
                    } else {
                        add(OP, '-', i, i + 1, 0);
                        i++;
                    }
                    break;
                case '/':
                    if (at(i + 1) == '*') {
                        if (at(i + 2) == '!') {
                            // MySQL executable comment: its body is SQL; skip the marker and version number
                            int j = i + 3;
                            while (j < limit && j < i + 9 && AsciiText.isDigit(b[j])) {
                                j++;
                            }
                            versionComment = true;
                            i = j;
                            break;
                        }
                        int close = s.indexOf("*/", i + 2);
                        if (close < 0 || close + 2 > limit) {
                            add(COMMENT, 3, i, limit, F_TO_END);
                            i = limit;
                        } else {
                            i = close + 2; // a closed comment is white space
                        }
                    } else {
                        add(OP, '/', i, i + 1, 0);
                        i++;
                    }
                    break;
                case '*':
                    if (versionComment && at(i + 1) == '/') {
                        i += 2;
                    } else {
                        add(OP, '*', i, i + 1, 0);
                        i++;
                    }
                    break;
                case '=':
                    add(CMP, '=', i, at(i + 1) == '=' ? i + 2 : i + 1, 0);
                    i = end[n - 1];
                    break;
                case '<': {
                    char d = at(i + 1);
                    if (d == '<') {
                        add(OP, '<', i, i + 2, 0);
                    } else if (d == '@') {
                        add(CMP, '@', i, i + 2, 0); // PostgreSQL containment <@
                    } else if (d == '=' && at(i + 2) == '>') {
                        add(CMP, '<', i, i + 3, 0);
                    } else {
                        add(CMP, '<', i, d == '=' || d == '>' ? i + 2 : i + 1, 0);
                    }
                    i = end[n - 1];
                    break;
                }
                case '>': {
                    char d = at(i + 1);
                    if (d == '>') {
                        add(OP, '>', i, i + 2, 0);
                    } else {
                        add(CMP, '>', i, d == '=' ? i + 2 : i + 1, 0);
                    }
                    i = end[n - 1];
                    break;
                }
                case '!': {
                    char d = at(i + 1);
                    if (d == '=' || d == '<' || d == '>') {
                        add(CMP, '!', i, i + 2, 0);
                    } else {
                        add(OP, '!', i, i + 1, 0);
                    }
                    i = end[n - 1];
                    break;
                }
                case '|':
                    if (at(i + 1) == '|') {
                        add(OP, '|', i, i + 2, F_PIPES);
                        i += 2;
                    } else {
                        add(OP, '|', i, i + 1, 0);
                        i++;
                    }
                    break;
                case '&':
                    if (at(i + 1) == '&') {
                        add(LOGIC, SqlWords.AND, i, i + 2, 0);
                        i += 2;
                    } else {
                        add(OP, '&', i, i + 1, 0);
                        i++;
                    }
                    break;
                case '+':
                    add(OP, '+', i, i + 1, F_PLUS);
                    i++;
                    break;
                case '%':
                case '^':
                case '~':
                    add(OP, c, i, i + 1, 0);
                    i++;
                    break;
                case ':':
                    if (at(i + 1) == ':' || at(i + 1) == '=') {
                        add(OP, ':', i, i + 2, 0);
                        i += 2;
                    } else {
                        add(OTHER, c, i, i + 1, 0);
                        i++;
                    }
                    break;
                case '@':
                    i = variable(i);
                    break;
                case '.':
                    if (AsciiText.isDigit(at(i + 1))) {
                        i = number(i);
                    } else {
                        add(OTHER, c, i, i + 1, 0);
                        i++;
                    }
                    break;
                case '$':
                    i = dollar(i);
                    break;
                default:
                    add(OTHER, c, i, i + 1, 0);
                    i++;
                    break;
            }
        }
        fold();
        return true;
    }

    private char at(int i) {
        return i < limit ? b[i] : 0;
    }

    private void add(int t, int k, int st, int e, int f) {
        if (n >= MAX_TOKENS) {
            return;
        }
        type[n] = t;
        kw[n] = k;
        start[n] = st;
        end[n] = e;
        flags[n] = f;
        fn[n] = 0;
        n++;
    }

    /** Index of the quote closing a string whose body starts at {@code from}, or -1; a doubled quote is escaped. */
    private int stringEnd(int from, char q) {
        int i = from;
        while (i < limit) {
            int k = s.indexOf(q, i);
            if (k < 0 || k >= limit) {
                return -1;
            }
            if (k + 1 < limit && b[k + 1] == q) {
                i = k + 2;
                continue;
            }
            return k;
        }
        return -1;
    }

    private int string(int i, char q, char context) {
        int close = stringEnd(i + 1, q);
        if (close < 0) {
            add(STR, q, i, limit, F_OPEN);
            if (q != context && context != 0) {
                badOpenString = true;
            }
            return limit;
        }
        add(STR, q, i, close + 1, 0);
        return close + 1;
    }

    private int lineComment(int i, int kind) {
        int nl = i;
        while (nl < limit && b[nl] != '\n') {
            nl++;
        }
        add(COMMENT, kind, i, nl, nl >= limit ? F_TO_END : 0);
        return nl;
    }

    private int bracket(int i) {
        int j = i + 1;
        int max = Math.min(limit, i + 130);
        while (j < max) {
            char c = b[j];
            if (c == ']') {
                if (j > i + 1) {
                    add(WORD, 0, i, j + 1, 0);
                    return j + 1;
                }
                break;
            }
            if (!(AsciiText.isWord(c) || c == ' ' || c == '.' || c == '-')) {
                break;
            }
            j++;
        }
        add(OTHER, '[', i, i + 1, 0);
        return i + 1;
    }

    private int variable(int i) {
        int j = i + 1;
        if (at(j) == '>' || at(j) == '?') {
            add(CMP, '@', i, j + 1, 0); // PostgreSQL @> and @?
            return j + 1;
        }
        int f = 0;
        if (at(j) == '@') {
            j++;
            f = F_SYSVAR;
        }
        int w = j;
        while (j < limit && (AsciiText.isWord(b[j]) || b[j] == '.' || b[j] == '$')) {
            j++;
        }
        if (j == w) {
            if (at(j) == '\'' || at(j) == '"' || at(j) == '`') {
                add(VAR, 0, i, j, f);
                return j;
            }
            add(OTHER, '@', i, j, 0);
            return j;
        }
        add(VAR, 0, i, j, f);
        return j;
    }

    private int dollar(int i) {
        // $$...$$ or $tag$...$tag$ (PostgreSQL), $1 (parameter)
        int j = i + 1;
        while (j < limit && j < i + 32 && AsciiText.isWord(b[j]) && !AsciiText.isDigit(b[i + 1])) {
            j++;
        }
        if (at(j) == '$') {
            String tag = s.substring(i, j + 1);
            int close = s.indexOf(tag, j + 1);
            if (close >= 0 && close + tag.length() <= limit) {
                add(STR, '$', i, close + tag.length(), 0);
                return close + tag.length();
            }
            add(STR, '$', i, limit, F_OPEN);
            badOpenString = true;
            return limit;
        }
        if (AsciiText.isDigit(at(i + 1))) {
            j = i + 1;
            while (j < limit && AsciiText.isDigit(b[j])) {
                j++;
            }
            add(VAR, 0, i, j, 0);
            return j;
        }
        add(OTHER, '$', i, i + 1, 0);
        return i + 1;
    }

    private int number(int i) {
        int j = i;
        int f = 0;
        if (b[i] == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X' || at(i + 1) == 'b' || at(i + 1) == 'B')) {
            j = i + 2;
            while (j < limit && SqlLexer.isHex(b[j])) {
                j++;
            }
            if (j > i + 2) {
                add(NUM, 0, i, j, F_HEX);
                return j;
            }
            j = i;
        }
        while (j < limit && AsciiText.isDigit(b[j])) {
            j++;
        }
        if (at(j) == '.') {
            j++;
            while (j < limit && AsciiText.isDigit(b[j])) {
                j++;
            }
        }
        char e = at(j);
        if ((e == 'e' || e == 'E')) {
            int k = j + 1;
            if (at(k) == '+' || at(k) == '-') {
                k++;
            }
            if (AsciiText.isDigit(at(k))) {
                j = k;
                while (j < limit && AsciiText.isDigit(b[j])) {
                    j++;
                }
            }
        }
        add(NUM, 0, i, j, f);
        return j;
    }

    private int word(int i, char context) {
        int j = i;
        int dots = 0;
        int lastPart = i;
        while (j < limit) {
            char c = b[j];
            if (c >= 0x80 && !isUnicodeSpace(c) && !isUnicodePunct(c) || AsciiText.isWord(c) || c == '$') {
                j++;
            } else if (c == '.' && j + 1 < limit && b[j + 1] == '*') {
                j += 2; // t.* in a select list
                dots++;
                break;
            } else if (c == '.' && j + 1 < limit && (SqlLexer.isWordStart(b[j + 1]) || b[j + 1] == '.')) {
                dots++;
                j++;
                while (j < limit && b[j] == '.') {
                    j++;
                }
                lastPart = j;
            } else {
                break;
            }
        }
        int len = j - i;
        // prefixed string literals: N'..', E'..', X'..', B'..', _utf8'..'
        char next = at(j);
        if ((next == '\'' || next == '"') && dots == 0 && (len == 1 || b[i] == '_')) {
            char p = AsciiText.lower(b[i]);
            if (p == 'n' || p == 'e' || p == 'x' || p == 'b' || b[i] == '_') {
                int e = string(j, next, context);
                start[n - 1] = i;
                return e;
            }
        }
        if (dots == 0 && !SqlWords.mayBeKnown(AsciiText.lower(b[i]), len)) {
            add(WORD, 0, i, j, 0); // no keyword or function has this first letter and length
        } else if (dots == 0 && len <= 32) {
            int k;
            int f;
            if (memoEnd[i] == j + 1) {
                k = memoKw[i];
                f = memoFn[i];
            } else {
                String w = lowerWord(i, j);
                k = SqlWords.keyword(w);
                f = SqlWords.function(w);
                if (memoEnd[i] == 0) {
                    memoUsed[memoCount++] = i;
                }
                memoEnd[i] = j + 1;
                memoKw[i] = k;
                memoFn[i] = f;
            }
            int t = WORD;
            if (k == SqlWords.AND || k == SqlWords.OR || k == SqlWords.XOR || k == SqlWords.NOT) {
                t = LOGIC;
            } else if (k == SqlWords.CMPWORD || k == SqlWords.LIKE) {
                t = CMP;
            } else if (k == SqlWords.CONST) {
                t = NUM;
            } else if (k == SqlWords.UNARY) {
                add(OP, '~', i, j, 0);
                return j;
            } else if (k != SqlWords.NONE) {
                t = KW;
            }
            add(t, k, i, j, 0);
            if (n > 0 && end[n - 1] == j) {
                fn[n - 1] = f;
            }
        } else {
            add(WORD, 0, i, j, dots > 0 ? F_QUALIFIED : 0);
            if (n > 0 && end[n - 1] == j && dots > 0 && j > lastPart && j - lastPart <= 32) {
                int f = SqlWords.mayBeKnown(AsciiText.lower(b[lastPart]), j - lastPart)
                        ? SqlWords.function(lowerWord(lastPart, j))
                        : SqlWords.F_NONE;
                if (f == SqlWords.F_NONE && dots > 0) {
                    // a package call like utl_inaddr.x or dbms_lock.sleep: judge by the package
                    int firstDot = s.indexOf('.', i);
                    if (firstDot > i && firstDot - i <= 24) {
                        f = SqlWords.function(lowerWord(i, firstDot));
                        if (f == SqlWords.F_NONE) {
                            f = packageClass(lowerWord(i, firstDot));
                        }
                    }
                }
                fn[n - 1] = f;
            }
        }
        return j;
    }

    private static int packageClass(String p) {
        switch (p) {
            case "dbms_lock":
            case "dbms_pipe":
            case "dbms_session":
                return SqlWords.F_TIME;
            case "utl_inaddr":
            case "ctxsys":
            case "dbms_xmlgen":
            case "dbms_utility":
                return SqlWords.F_ERROR;
            case "utl_http":
            case "utl_file":
            case "utl_tcp":
            case "utl_smtp":
            case "dbms_java":
            case "dbms_scheduler":
            case "master":
            case "xp":
                return SqlWords.F_SYSTEM;
            case "sys":
            case "dbo":
            case "pg_catalog":
            case "information_schema":
            case "mysql":
                return SqlWords.F_SQL;
            default:
                return SqlWords.F_NONE;
        }
    }

    private String lowerWord(int from, int to) {
        return AsciiText.lower(s.substring(from, to));
    }

    /** The text lexed last. */
    String text() {
        return s;
    }

    // ---- folding ----

    private void fold() {
        int out = 0;
        for (int i = 0; i < n; i++) {
            int t = type[i];
            int k = kw[i];
            if (t == COMMENT && i + 1 < n) {
                continue; // a line comment with more after it is white space
            }
            // '+' next to a keyword is a query-string space
            if (t == OP && (flags[i] & F_PLUS) != 0) {
                boolean prevKw = out > 0 && (type[out - 1] == KW || type[out - 1] == LOGIC);
                boolean nextKw = i + 1 < n
                        && (type[i + 1] == KW || type[i + 1] == LOGIC)
                        && !(i + 2 < n && type[i + 2] == LPAREN && fn[i + 1] != SqlWords.F_NONE);
                if (prevKw || nextKw) {
                    continue;
                }
            }
            // unary operators join their operand
            if (t == OP && (k == '-' || k == '+' || k == '~' || k == '!')) {
                boolean prevOperand = out > 0 && (isValueType(type[out - 1]) || type[out - 1] == RPAREN);
                if (!prevOperand
                        && i + 1 < n
                        && (isValueType(type[i + 1])
                                || type[i + 1] == LPAREN
                                || type[i + 1] == OP && kw[i + 1] != '*' && kw[i + 1] != '/')) {
                    if (i + 1 < n) {
                        flags[i + 1] |= F_UNARY;
                    }
                    continue;
                }
            }
            if (out > 0) {
                int pt = type[out - 1];
                int pk = kw[out - 1];
                // keyword pairs
                if (pt == KW && pk == SqlWords.UNION && t == KW && (k == SqlWords.ALL || k == SqlWords.DISTINCT)) {
                    end[out - 1] = end[i];
                    continue;
                }
                if (pt == KW && (pk == SqlWords.ORDER || pk == SqlWords.GROUP) && t == KW && k == SqlWords.BY) {
                    end[out - 1] = end[i];
                    continue;
                }
                if (pt == KW && pk == SqlWords.WAITFOR && t == KW && (k == SqlWords.DELAY || k == SqlWords.TIME)) {
                    end[out - 1] = end[i];
                    continue;
                }
                if (pt == KW && pk == SqlWords.INTO && t == KW && k == SqlWords.OUTFILE) {
                    kw[out - 1] = SqlWords.OUTFILE;
                    end[out - 1] = end[i];
                    continue;
                }
                if (pt == KW && pk == SqlWords.PROCEDURE && t == KW && k == SqlWords.ANALYSE) {
                    end[out - 1] = end[i];
                    continue;
                }
                if (pt == LOGIC && pk == SqlWords.NOT && (t == CMP)) {
                    type[out - 1] = CMP;
                    kw[out - 1] = k;
                    end[out - 1] = end[i];
                    continue;
                }
                if (pt == CMP && (t == CMP && (k == SqlWords.LIKE) || t == LOGIC && k == SqlWords.NOT)) {
                    // SOUNDS LIKE, IS NOT, SIMILAR TO is rare
                    end[out - 1] = end[i];
                    continue;
                }
            }
            // a name followed by '(' is a function call
            if (i + 1 < n
                    && type[i + 1] == LPAREN
                    && (t == WORD || t == KW || t == NUM && k == SqlWords.CONST || t == CMP && k == SqlWords.CMPWORD)) {
                int f = fn[i];
                if (t == WORD || f != SqlWords.F_NONE) {
                    t = FUNC;
                    k = f;
                }
            }
            type[out] = t;
            kw[out] = k;
            start[out] = start[i];
            end[out] = end[i];
            flags[out] = flags[i];
            fn[out] = fn[i];
            out++;
        }
        n = out;
    }

    /** No-break, typographic and ideographic spaces, zero-width marks: white space here. */
    static boolean isUnicodeSpace(char c) {
        return c == 0xA0 || c >= 0x2000 && c <= 0x200B || c == 0x202F || c == 0x3000 || c == 0xFEFF || c == 0x85;
    }

    /** Typographic punctuation (dashes, curly quotes, primes): never part of a word. */
    static boolean isUnicodePunct(char c) {
        return c >= 0x2010 && c <= 0x205F;
    }

    static boolean isWordStart(char c) {
        return AsciiText.isLetter(c) || c == '_';
    }

    static boolean isHex(char c) {
        return AsciiText.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isValueType(int t) {
        return t == STR || t == NUM || t == WORD || t == VAR || t == FUNC;
    }
}
