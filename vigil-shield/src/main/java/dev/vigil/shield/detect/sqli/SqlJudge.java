package dev.vigil.shield.detect.sqli;

import static dev.vigil.shield.detect.sqli.SqlLexer.CMP;
import static dev.vigil.shield.detect.sqli.SqlLexer.COMMA;
import static dev.vigil.shield.detect.sqli.SqlLexer.COMMENT;
import static dev.vigil.shield.detect.sqli.SqlLexer.FUNC;
import static dev.vigil.shield.detect.sqli.SqlLexer.KW;
import static dev.vigil.shield.detect.sqli.SqlLexer.LOGIC;
import static dev.vigil.shield.detect.sqli.SqlLexer.LPAREN;
import static dev.vigil.shield.detect.sqli.SqlLexer.NUM;
import static dev.vigil.shield.detect.sqli.SqlLexer.OP;
import static dev.vigil.shield.detect.sqli.SqlLexer.OTHER;
import static dev.vigil.shield.detect.sqli.SqlLexer.RPAREN;
import static dev.vigil.shield.detect.sqli.SqlLexer.SEMI;
import static dev.vigil.shield.detect.sqli.SqlLexer.STR;
import static dev.vigil.shield.detect.sqli.SqlLexer.VAR;
import static dev.vigil.shield.detect.sqli.SqlLexer.WORD;

import dev.vigil.shield.detect.AsciiText;

/**
 * Judges the shape of a folded token stream. A finding needs SQL structure, not just SQL words: a keyword sequence
 * that only parses as SQL ({@code UNION SELECT}, {@code ; DROP TABLE}, {@code (SELECT ...)}), a dangerous built-in
 * called in an expression position, or, right after the point where the value leaves its context (the closing quote,
 * or the first number or name of a bare value), an operator that continues the query: a boolean condition, a comment
 * that cuts the rest off, a clause.
 */
final class SqlJudge {

    static final int NONE = 0;
    static final int TAUTOLOGY = 1;
    static final int UNION = 2;
    static final int STACKED = 3;
    static final int COMMENT_CUT = 4;
    static final int TIME = 5;
    static final int ERROR = 6;
    static final int SYSTEM = 7;
    static final int SUBQUERY = 8;
    static final int CLAUSE = 9;

    /** Rank of each finding (index = finding); the strongest found is reported. */
    private static final String RANK = "\0\3\7\10\1\6\5\11\4\2";

    private SqlJudge() {}

    /** Whether finding {@code a} outranks finding {@code b}. */
    static boolean stronger(int a, int b) {
        return RANK.charAt(a) > RANK.charAt(b);
    }

    /** The strongest finding in the lexed stream, or {@link #NONE}; {@code at} receives its token index. */
    static int judge(SqlLexer t, boolean quoted, int[] at) {
        int n = t.n;
        int best = NONE;
        int bestAt = 0;
        // structure anywhere in the stream
        for (int i = 0; i < n; i++) {
            int found = NONE;
            int ty = t.type[i];
            int k = t.kw[i];
            if (ty == KW) {
                if (k == SqlWords.UNION) {
                    int j = skip(t, i + 1, LPAREN);
                    if (j < n && t.type[j] == KW && t.kw[j] == SqlWords.SELECT && selectList(t, j + 1, true)) {
                        found = UNION;
                    }
                } else if (k == SqlWords.WAITFOR) {
                    if (i + 1 < n
                            && (t.type[i + 1] == STR || t.type[i + 1] == VAR || t.type[i + 1] == NUM)
                            && t.end[i] - t.start[i] > 7) {
                        found = TIME;
                    }
                } else if (k == SqlWords.OUTFILE) {
                    if (t.end[i] - t.start[i] > 8 && i + 1 < n) {
                        found = SYSTEM;
                    }
                } else if (k == SqlWords.EXEC) {
                    found = exec(t, i + 1, quoted || i > 0);
                } else if (k == SqlWords.WHEN && i > 0 && constantComparison(t, i + 1)) {
                    found = TAUTOLOGY;
                } else if (k == SqlWords.SELECT && i > 0 && t.type[i - 1] == LPAREN && selectList(t, i + 1, false)) {
                    found = SUBQUERY;
                } else if (k == SqlWords.COPY
                        && (i == 0 || t.type[i - 1] == SEMI)
                        && i + 3 < n
                        && t.type[i + 1] == WORD
                        && t.type[i + 2] == KW
                        && (t.kw[i + 2] == SqlWords.FROM || t.kw[i + 2] == SqlWords.TO)
                        && (t.type[i + 3] == STR || t.type[i + 3] == KW && t.kw[i + 3] == SqlWords.PROGRAM)) {
                    found = SYSTEM;
                } else if (k == SqlWords.PROGRAM && i > 0 && t.type[i - 1] == KW && i + 1 < n && t.type[i + 1] == STR) {
                    found = SYSTEM;
                }
            } else if (ty == FUNC) {
                if (k >= SqlWords.F_TIME
                        && k <= SqlWords.F_SYSTEM
                        && expressionPosition(t, i, quoted)
                        && arguments(t, i, k)) {
                    found = k == SqlWords.F_TIME ? TIME : k == SqlWords.F_ERROR ? ERROR : SYSTEM;
                } else if (i > 0 && expressionPosition(t, i, quoted) && t.type[i - 1] != KW && nestedCall(t, i)) {
                    found = SUBQUERY;
                }
            } else if (ty == VAR
                    && (t.flags[i] & SqlLexer.F_SYSVAR) != 0
                    && i > 0
                    && t.type[i - 1] != SEMI
                    && expressionPosition(t, i, quoted)
                    && t.end[i] - t.start[i] > 4) {
                found = SUBQUERY;
            } else if (ty == SEMI) {
                found = statement(t, i + 1, false, true) ? STACKED : NONE;
            } else if (ty == LPAREN
                    && constantComparison(t, i + 1)
                    && (i == 0 || t.type[i - 1] != WORD && t.type[i - 1] != OTHER)) {
                found = TAUTOLOGY; // (4711=4711), iif(3=3,1,1/0): a condition with a fixed answer
            }
            if (found != NONE && stronger(found, best)) {
                best = found;
                bestAt = i;
            }
        }
        if (n > 3
                && !quoted
                && (t.type[0] == KW && t.kw[0] == SqlWords.CASE
                        || t.type[0] == LPAREN && t.type[1] == KW && t.kw[1] == SqlWords.CASE)
                && caseExpression(t)
                && stronger(SUBQUERY, best)) {
            best = SUBQUERY;
            bestAt = 0;
        }
        if (!quoted
                && n >= 3
                && n <= 4
                && t.type[0] == NUM
                && t.type[1] == CMP
                && t.type[2] == NUM
                && t.kw[0] != SqlWords.CONST
                && t.kw[1] != '<'
                && t.kw[1] != '>'
                && (n == 3 || t.type[3] == COMMENT)
                && stronger(TAUTOLOGY, best)) {
            best = TAUTOLOGY; // 1=1, 42 like 42, 1 is not 2: a bare condition between two numbers
            bestAt = 0;
        }
        if (n > 0 && !quoted && statement(t, 0, true) && stronger(STACKED, best)) {
            best = STACKED;
            bestAt = 0;
        }
        // the continuation right after the context break (the closing quote, or a bare leading expression)
        int p;
        if (quoted) {
            if (!shortPrefix(t)) {
                at[0] = bestAt;
                return best;
            }
            p = 1;
        } else {
            p = n > 0 ? operand(t, 0) : -1;
            p = p < 0 ? 0 : p;
            while (p == 1 && t.type[0] == NUM && p + 1 < n && t.type[p] == COMMA && t.type[p + 1] == NUM) {
                p += 2; // a list of numbers: 17,23 order by 16
                if (p + 1 < n && t.type[p] == COMMA && t.type[p + 1] == NUM) {
                    continue;
                }
                break;
            }
        }
        int j = skip(t, p, RPAREN);
        if (j + 3 < n
                && t.type[j] == CMP
                && t.type[j + 1] == WORD
                && t.type[j + 2] == WORD
                && AsciiText.regionMatchesLower(t.text(), t.start[j + 2], "mode")) {
            j = skip(t, j + 3, RPAREN); // the end of a full-text search: ... IN BOOLEAN MODE)
        }
        int found = afterBreak(t, j, quoted, p);
        if (found == NONE && (quoted || p > 0)) {
            int e = continueExpression(t, j);
            if (e > j) {
                found = afterBreak(t, e, quoted, p);
                j = e;
            }
        }
        if (found != NONE && stronger(found, best)) {
            best = found;
            bestAt = j;
        }
        at[0] = bestAt;
        return best;
    }

    /**
     * Whether the text before the closing quote is short and on one line: a value that breaks out of a string is a
     * name, a number or a few words, not a paragraph that happens to quote something later on.
     */
    private static boolean shortPrefix(SqlLexer t) {
        int e = t.end[0];
        if (e > 160) {
            return false;
        }
        String s = t.text();
        for (int i = 0; i < e; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bare value before the comment at {@code p} is code: a number, a system variable, or an expression
     * with operators or parentheses and no prose.
     */
    private static boolean leadingIsCode(SqlLexer t, int p) {
        if (p == 1 && (t.type[0] == NUM || t.type[0] == VAR)) {
            if (t.type[0] == VAR
                    ? (t.flags[0] & SqlLexer.F_SYSVAR) == 0
                    : (t.flags[0] & SqlLexer.F_HEX) != 0 || t.kw[0] == SqlWords.CONST || t.kw[p] == 2) {
                return false; // 1# and TRUE#x read as prose
            }
            String s = t.text();
            int after = t.start[p] + 2;
            return t.kw[p] == 3 || after >= s.length() || s.charAt(after) == ' ' || hidesFromLog(t, p);
        }
        if (p < 3 || t.kw[p] == 2) {
            return false;
        }
        String s = t.text();
        int after = t.start[p] + 2;
        if (t.kw[p] == 1 && after < s.length() && s.charAt(after) != ' ' && !hidesFromLog(t, p)) {
            return false;
        }
        boolean structure = false;
        for (int i = 0; i < p; i++) {
            int ty = t.type[i];
            if (ty == OTHER
                    || ty == KW && t.kw[i] != SqlWords.SELECT
                    || ty == WORD && i + 1 < p && t.type[i + 1] == WORD
                    || ty == STR && (t.flags[i] & SqlLexer.F_OPEN) != 0) {
                return false;
            }
            if (ty == WORD && t.type[0] != LPAREN) {
                return false; // a-b-c-- in a token is not arithmetic
            }
            structure |= ty == LOGIC || ty == CMP || ty == LPAREN || ty == OP;
        }
        return structure;
    }

    /** A comment naming sp_password: MSSQL leaves such a statement out of its trace log. */
    private static boolean hidesFromLog(SqlLexer t, int c) {
        int at = AsciiText.indexOfIgnoreCase(t.text(), "sp_password", t.start[c]);
        return at >= 0 && at < t.end[c];
    }

    /**
     * Whether tokens from {@code i} are operator, operand, operator, ..., ending in an open string of the context's
     * quote: an expression glued between the breaking quote and the query's own closing quote.
     */
    private static boolean expressionToQuote(SqlLexer t, int i) {
        int n = t.n;
        int last = n - 1;
        if (last <= i
                || t.type[last] != STR
                || (t.flags[last] & SqlLexer.F_OPEN) == 0
                || n - i > 12
                || t.end[last] - t.start[last] > 4) {
            return false;
        }
        if (t.end[0] > 24 || t.kw[last] != '\'' || t.text().charAt(t.end[0] - 1) != '\'') {
            return false;
        }
        boolean wantOperator = true;
        boolean signal = false; // a name, a comparison, a logical operator or a paren: not just "5' - 6'"
        int operands = 0;
        for (int k = i; k < last; k++) {
            int ty = t.type[k];
            boolean operator = ty == OP || ty == CMP || ty == LOGIC && t.kw[k] != SqlWords.NOT;
            boolean operand = ty == NUM
                    || ty == STR
                    || ty == VAR
                    || ty == WORD
                    || ty == KW && !clauseKeyword(t.kw[k]) && !statementKeyword(t.kw[k]);
            if (wantOperator && operator) {
                wantOperator = false;
                if (ty == LOGIC && t.kw[k] == SqlWords.AND && k == i) {
                    return false; // ' and ' reads as prose
                }
                signal |= ty != OP;
            } else if (!wantOperator && operand) {
                wantOperator = true;
                operands++;
                signal |= ty != NUM && ty != STR;
            } else if (!wantOperator && (operator && ty == OP || ty == LPAREN)) {
                signal |= ty == LPAREN;
                continue; // unary chains and groups: ' - - ', '&(1)
            } else if (wantOperator && ty == RPAREN) {
                continue;
            } else {
                return false;
            }
        }
        if (wantOperator) {
            return false;
        }
        if (operands == 0) {
            // a quote, one operator and the closing quote: a' div 'b, ' = '; "x' OR 'y" only as 'OR'
            return !(t.type[i] == OP && t.kw[i] == '*') && (t.type[i] != LOGIC || t.end[0] == 1);
        }
        return signal;
    }

    private static boolean statementKeyword(int k) {
        switch (k) {
            case SqlWords.SELECT:
            case SqlWords.INSERT:
            case SqlWords.UPDATE:
            case SqlWords.DELETE:
            case SqlWords.DROP:
            case SqlWords.CREATE:
            case SqlWords.ALTER:
            case SqlWords.TRUNCATE:
            case SqlWords.EXEC:
            case SqlWords.DECLARE:
            case SqlWords.SHUTDOWN:
            case SqlWords.WAITFOR:
                return true;
            default:
                return false;
        }
    }

    /** Whether the text before the breaking quote has no white space (an id, a name, a number, or nothing). */
    private static boolean oneWordPrefix(SqlLexer t) {
        String s = t.text();
        int q0 = t.end[0] - 1;
        for (int i = 0; i < q0; i++) {
            if (s.charAt(i) <= ' ') {
                return false;
            }
        }
        return true;
    }

    /** Index after {@code (op operand)*} with closing parens, from {@code i} (just after an operand). */
    private static int continueExpression(SqlLexer t, int i) {
        int n = t.n;
        int guard = 0;
        i = skip(t, i, RPAREN);
        while (i < n && (t.type[i] == OP && (t.flags[i] & SqlLexer.F_PIPES) == 0 || t.type[i] == CMP) && guard++ < 16) {
            int b = operand(t, i + 1);
            if (b < 0) {
                return i;
            }
            i = skip(t, b, RPAREN);
        }
        return i;
    }

    /** A known function whose first argument is a metadata call, a subquery or another known call. */
    private static boolean nestedCall(SqlLexer t, int i) {
        int n = t.n;
        int k = t.kw[i];
        if (k == SqlWords.F_INFO) {
            // version(), database(), user(): empty parens in an expression
            return i + 2 < n && t.type[i + 2] == RPAREN;
        }
        if (k != SqlWords.F_SQL || i + 2 >= n) {
            return false;
        }
        int a = t.type[i + 2];
        if (a == KW && t.kw[i + 2] == SqlWords.SELECT) {
            return true;
        }
        if (a == VAR && (t.flags[i + 2] & SqlLexer.F_SYSVAR) != 0) {
            return true;
        }
        return a == FUNC
                && t.kw[i + 2] != SqlWords.F_NONE
                && i + 4 < n
                && (t.type[i + 4] == RPAREN
                        || t.type[i + 4] != RPAREN && t.kw[i + 2] != SqlWords.F_INFO && t.type[i + 4] != OTHER);
    }

    private static int skip(SqlLexer t, int i, int ty) {
        while (i < t.n && t.type[i] == ty) {
            i++;
        }
        return i;
    }

    /** Whether token {@code i} may start an expression: after an operator, keyword, paren, comma, or at the start. */
    private static boolean expressionPosition(SqlLexer t, int i, boolean quoted) {
        if (i == 0) {
            return true;
        }
        int p = t.type[i - 1];
        return p == LOGIC
                || p == CMP
                || p == OP
                || p == LPAREN
                || p == COMMA
                || p == SEMI
                || p == KW && expressionKeyword(t.kw[i - 1]);
    }

    /** Keywords after which an expression (and so a function call) follows. */
    private static boolean expressionKeyword(int k) {
        switch (k) {
            case SqlWords.SELECT:
            case SqlWords.WHERE:
            case SqlWords.HAVING:
            case SqlWords.WHEN:
            case SqlWords.THEN:
            case SqlWords.ELSE:
            case SqlWords.FROM:
            case SqlWords.ORDER:
            case SqlWords.GROUP:
            case SqlWords.ON:
            case SqlWords.CASE:
            case SqlWords.IF:
            case SqlWords.BEGIN:
            case SqlWords.EXEC:
            case SqlWords.SET:
            case SqlWords.VALUES:
            case SqlWords.RETURNING:
            case SqlWords.LIMIT:
            case SqlWords.DISTINCT:
            case SqlWords.ALL:
            case SqlWords.UNION:
            case SqlWords.CALL:
            case SqlWords.TOP:
                return true;
            default:
                return false;
        }
    }

    /** Whether the call at {@code i} (a function of class {@code cls}) has plausible arguments. */
    private static boolean arguments(SqlLexer t, int i, int cls) {
        int j = i + 2; // past '('
        if (j >= t.n) {
            return true; // the call is cut off: "pg_sleep("
        }
        int a = t.type[j];
        if (a == OTHER) {
            return false;
        }
        if (a == WORD && cls == SqlWords.F_TIME && i == 0) {
            return false; // Sleep(ing) at the start of a value is a name, not a call
        }
        if (a == WORD && cls == SqlWords.F_TIME) {
            // sleep(name) is prose unless the name is followed by an operator or ')'
            return j + 1 >= t.n || t.type[j + 1] == RPAREN || t.type[j + 1] == OP || t.type[j + 1] == COMMA;
        }
        if (a == NUM || a == STR || a == VAR) {
            return j + 1 >= t.n || t.type[j + 1] != WORD;
        }
        return true;
    }

    /** Whether a SELECT list starts at {@code j}. */
    private static boolean selectList(SqlLexer t, int j, boolean allowEnd) {
        int n = t.n;
        while (j < n && t.type[j] == KW && (t.kw[j] == SqlWords.DISTINCT || t.kw[j] == SqlWords.ALL)) {
            j++;
        }
        if (j + 1 < n && t.type[j] == KW && t.kw[j] == SqlWords.TOP && t.type[j + 1] == NUM) {
            return true; // SELECT TOP 1 is SQL only
        }
        if (j >= n) {
            return allowEnd;
        }
        int ty = t.type[j];
        switch (ty) {
            case NUM:
            case STR:
            case VAR:
            case FUNC:
            case LPAREN: {
                int e = operand(t, j);
                if (e < 0 || e >= n) {
                    return true;
                }
                if (t.type[e] == WORD && e + 1 < n && t.type[e + 1] == KW && t.kw[e + 1] == SqlWords.FROM) {
                    return true; // a literal with an alias: select 1 x from
                }
                return t.type[e] != WORD || allowEnd;
            }
            case OP:
                return t.kw[j] == '*';
            case KW:
                if (t.kw[j] == SqlWords.CASE
                        || t.kw[j] == SqlWords.SELECT
                        || allowEnd && t.kw[j] == SqlWords.FROM && j + 1 < n && t.type[j + 1] == WORD) {
                    return true;
                }
                if (clauseKeyword(t.kw[j])) {
                    return false;
                }
            // fall through: a non-clause keyword used as a column name (user, level, data, ...)
            case WORD:
                if (j + 1 >= n) {
                    return allowEnd;
                }
                int nt = t.type[j + 1];
                int nk = t.kw[j + 1];
                if (nt == OP && t.kw[j + 1] != '*' || nt == OP && j + 2 < n && t.type[j + 2] != KW) {
                    // an arithmetic item: login/2 from, a||b,
                    int e = j + 1;
                    int guard = 0;
                    while (e < n && t.type[e] == OP && guard++ < 8) {
                        int b = operand(t, e + 1);
                        if (b < 0) {
                            break;
                        }
                        e = b;
                    }
                    if (e < n && (t.type[e] == COMMA || t.type[e] == KW && t.kw[e] == SqlWords.FROM)) {
                        return true;
                    }
                }
                if (allowEnd
                        && (nt == WORD || nt == STR)
                        && j + 2 < n
                        && (t.type[j + 2] == COMMA || t.type[j + 2] == KW && t.kw[j + 2] == SqlWords.FROM)) {
                    return true; // a column with an alias: name x from / name "x",
                }
                return nt == COMMA
                        || nt == KW && (nk == SqlWords.FROM || nk == SqlWords.AS || nk == SqlWords.INTO)
                        || allowEnd && (nt == OP || nt == COMMENT || nt == RPAREN || nt == NUM);
            case COMMENT:
                return allowEnd;
            default:
                return false;
        }
    }

    /** Keywords that start or join clauses and cannot be a column name. */
    private static boolean clauseKeyword(int k) {
        switch (k) {
            case SqlWords.FROM:
            case SqlWords.WHERE:
            case SqlWords.UNION:
            case SqlWords.ORDER:
            case SqlWords.GROUP:
            case SqlWords.HAVING:
            case SqlWords.LIMIT:
            case SqlWords.INTO:
            case SqlWords.OUTFILE:
            case SqlWords.AS:
            case SqlWords.ON:
            case SqlWords.JOIN:
            case SqlWords.THEN:
            case SqlWords.ELSE:
            case SqlWords.END:
            case SqlWords.WHEN:
            case SqlWords.BY:
                return true;
            default:
                return false;
        }
    }

    private static boolean caseExpression(SqlLexer t) {
        boolean when = false;
        boolean then = false;
        for (int i = 1; i < t.n; i++) {
            if (t.type[i] == KW) {
                int k = t.kw[i];
                if (k == SqlWords.CASE) {
                    continue;
                }
                when |= k == SqlWords.WHEN;
                then |= when && k == SqlWords.THEN;
                if (k == SqlWords.END) {
                    return then;
                }
            } else if (t.type[i] == WORD && i + 1 < t.n && t.type[i + 1] == WORD || t.type[i] == OTHER) {
                return false;
            }
        }
        return false;
    }

    private static boolean onlyNames(SqlLexer t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.type[i] != WORD && t.type[i] != COMMA) {
                return false;
            }
        }
        return true;
    }

    private static int exec(SqlLexer t, int j, boolean afterBreak) {
        int n = t.n;
        if (j >= n) {
            return NONE;
        }
        int ty = t.type[j];
        if ((ty == WORD || ty == FUNC) && t.fn[j] == SqlWords.F_SYSTEM) {
            return SYSTEM;
        }
        if (ty == VAR || ty == LPAREN && j + 1 < n && (t.type[j + 1] == VAR || t.type[j + 1] == STR)) {
            return STACKED;
        }
        if (ty == WORD && ((t.flags[j] & SqlLexer.F_QUALIFIED) != 0 || startsWithProc(t, j))) {
            return j + 1 >= n || t.type[j + 1] != WORD ? STACKED : NONE;
        }
        if (ty == FUNC && afterBreak) {
            return STACKED;
        }
        if (ty == WORD
                && j + 1 < n
                && (t.type[j + 1] == VAR
                        || t.type[j + 1] == STR && j + 2 >= n
                        || t.type[j + 1] == STR && (t.type[j + 2] == SEMI || t.type[j + 2] == COMMENT))) {
            return STACKED; // exec proc @arg / exec proc 'arg'
        }
        return NONE;
    }

    private static boolean startsWithProc(SqlLexer t, int j) {
        return t.end[j] - t.start[j] > 3 && t.fn[j] != SqlWords.F_NONE;
    }

    /** Whether a statement that can follow a ';' (or make up the whole value) starts at {@code j}. */
    private static boolean statement(SqlLexer t, int j, boolean wholeValue) {
        return statement(t, j, wholeValue, false);
    }

    /**
     * Whether a statement starts at {@code j}: after a ';' ({@code afterSemicolon}), as the whole value ({@code
     * wholeValue}), or right after a break (neither: only statements that are unmistakable without a ';').
     */
    private static boolean statement(SqlLexer t, int j, boolean wholeValue, boolean afterSemicolon) {
        int n = t.n;
        if (j >= n) {
            return false;
        }
        int ty = t.type[j];
        if (ty == FUNC) {
            return afterSemicolon && t.kw[j] != SqlWords.F_NONE;
        }
        if (ty != KW) {
            return false;
        }
        int k = t.kw[j];
        int nt = j + 1 < n ? t.type[j + 1] : 0;
        int nk = j + 1 < n ? t.kw[j + 1] : 0;
        switch (k) {
            case SqlWords.SELECT:
                if (wholeValue) {
                    return selectList(t, j + 1, false) && fromClause(t, j + 2)
                            || j + 1 < n
                                    && (nt == FUNC && t.kw[j + 1] != SqlWords.F_NONE
                                            || nt == VAR
                                            || nt == KW && nk == SqlWords.CASE
                                            || nt == NUM
                                                    && nk == SqlWords.CONST
                                                    && t.end[j + 1] - t.start[j + 1] > 6
                                                    && (j + 2 >= n
                                                            || t.type[j + 2] == SEMI
                                                            || t.type[j + 2] == COMMENT));
                }
                return selectList(t, j + 1, false);
            case SqlWords.INSERT:
                return nt == KW
                        && nk == SqlWords.INTO
                        && j + 2 < n
                        && (t.type[j + 2] == WORD || t.type[j + 2] == FUNC || t.type[j + 2] == KW);
            case SqlWords.UPDATE:
                return nt == WORD && j + 2 < n && t.type[j + 2] == KW && t.kw[j + 2] == SqlWords.SET;
            case SqlWords.DELETE:
                return nt == KW && nk == SqlWords.FROM && j + 2 < n && t.type[j + 2] == WORD
                        || nt == WORD && j + 2 < n && t.type[j + 2] == KW && t.kw[j + 2] == SqlWords.FROM;
            case SqlWords.DROP:
            case SqlWords.CREATE:
            case SqlWords.ALTER:
            case SqlWords.TRUNCATE:
                if (nt == KW && (nk == SqlWords.TABLE || nk == SqlWords.OBJECT || nk == SqlWords.PROCEDURE)) {
                    if (j + 2 >= n) {
                        return afterSemicolon;
                    }
                    int a = t.type[j + 2];
                    if (a == FUNC) {
                        return true; // create table x (
                    }
                    if (a != WORD && a != KW) {
                        return false;
                    }
                    // drop table x; / drop table x-- / drop table if exists: not "drop table was broken"
                    int b = j + 3;
                    return b >= n
                            || t.type[b] == SEMI
                            || t.type[b] == COMMENT
                            || t.type[b] == COMMA
                            || t.type[b] == KW && !wholeValue
                            || a == KW && t.kw[j + 2] == SqlWords.IF;
                }
                return k == SqlWords.TRUNCATE
                        && nt == WORD
                        && (j + 2 >= n || t.type[j + 2] == SEMI || t.type[j + 2] == COMMENT);
            case SqlWords.DECLARE:
                return nt == VAR;
            case SqlWords.SET:
                return nt == VAR || !wholeValue && nt == WORD && j + 2 < n && t.type[j + 2] == CMP;
            case SqlWords.SHUTDOWN:
                return !wholeValue && (nt == 0 || nt == COMMENT || nt == SEMI || nt == KW && nk == SqlWords.WITH);
            case SqlWords.WAITFOR:
                return nt == STR && t.end[j] - t.start[j] > 7;
            case SqlWords.EXEC:
                return exec(t, j + 1, !wholeValue) != NONE;
            case SqlWords.GRANT:
                return afterSemicolon
                        && (nt == WORD || nt == KW)
                        && j + 2 < n
                        && (t.type[j + 2] == WORD || t.type[j + 2] == KW);
            case SqlWords.IF:
                return afterSemicolon && (nt == LPAREN || nt == LOGIC || nt == FUNC || nt == NUM);
            case SqlWords.BEGIN:
                if (nt == KW
                        && (nk == SqlWords.DECLARE
                                || nk == SqlWords.EXEC
                                || nk == SqlWords.SELECT
                                || nk == SqlWords.SHUTDOWN)) {
                    return true;
                }
                // fall through
                return false;
            case SqlWords.USE:
            case SqlWords.SHOW:
                // use master; show tables--
                return afterSemicolon
                        && (nt == WORD || nt == KW && nk == SqlWords.TABLE)
                        && (j + 2 >= n || t.type[j + 2] == SEMI || t.type[j + 2] == COMMENT);
            case SqlWords.PRINT:
                return afterSemicolon && (nt == STR || nt == VAR);
            case SqlWords.CALL:
                return afterSemicolon && nt == FUNC;
            case SqlWords.KILL:
                return afterSemicolon && nt == NUM;
            case SqlWords.LOAD:
                return nt == KW && nk == SqlWords.DATA || afterSemicolon && nt == WORD;
            default:
                return false;
        }
    }

    /**
     * Whether a FROM clause follows within the select list starting near {@code from}, naming a table and then ending
     * the value or going on as SQL (WHERE with a condition, a join, a clause keyword, a comment).
     */
    private static boolean fromClause(SqlLexer t, int from) {
        int n = t.n;
        for (int i = from; i < n && i < from + 200; i++) {
            if (t.type[i] == KW && t.kw[i] == SqlWords.FROM) {
                int j = i + 1;
                if (j >= n) {
                    return false;
                }
                if (t.type[j] == LPAREN || t.type[j] == KW && t.kw[j] == SqlWords.DUAL) {
                    return true;
                }
                if (t.type[j] != WORD && t.type[j] != KW) {
                    return false;
                }
                int a = j + 1;
                if (a < n && t.type[a] == WORD) {
                    a++; // alias: then more SQL must follow ("from the list" is prose)
                    if (a >= n) {
                        return false;
                    }
                }
                if (a >= n) {
                    return true;
                }
                int ty = t.type[a];
                int k = t.kw[a];
                if (ty == KW && (k == SqlWords.WHERE || k == SqlWords.HAVING)) {
                    if (a + 1 >= n) {
                        return !onlyNames(t, from - 1, i);
                    }
                    int b = operand(t, a + 1);
                    return b > 0 && b < n && t.type[b] == CMP;
                }
                return ty == COMMENT
                        || ty == SEMI
                        || ty == COMMA
                        || ty == RPAREN
                        || ty == KW && (clauseKeyword(k) || k == SqlWords.LIMIT);
            }
        }
        return false;
    }

    /** What the tokens right after the break at {@code j} do to the query. */
    private static int afterBreak(SqlLexer t, int j, boolean quoted, int p) {
        int n = t.n;
        if (j >= n) {
            return NONE;
        }
        int ty = t.type[j];
        int k = t.kw[j];
        boolean clean = !t.badOpenString;
        if (ty == COMMENT) {
            if (!quoted) {
                return p > 0 && leadingIsCode(t, j) ? COMMENT_CUT : NONE; // 1-- , ( 1 or 'a' ) --
            }
            return clean && commentCut(t, j) ? COMMENT_CUT : NONE;
        }
        if (ty == SEMI) {
            if (quoted && clean && (j + 1 >= n || t.type[j + 1] == COMMENT && commentCut(t, j + 1))) {
                return COMMENT_CUT;
            }
            if (quoted
                    && j == 1
                    && j + 1 < n
                    && t.type[j + 1] == KW
                    && statementKeyword(t.kw[j + 1])
                    && oneWordPrefix(t)) {
                return STACKED; // x';select ... : a quote, a semicolon and a statement keyword
            }
            return NONE;
        }
        if (quoted
                && j == 1
                && t.end[0] == 1
                && ty == KW
                && (k == SqlWords.CREATE || k == SqlWords.DROP || k == SqlWords.ALTER)
                && j + 2 < n
                && t.type[j + 1] == KW
                && (t.kw[j + 1] == SqlWords.TABLE || t.kw[j + 1] == SqlWords.OBJECT)
                && t.type[j + 2] == WORD) {
            return STACKED; // 'create user x ... : the value opens with the quote and a DDL statement
        }
        if (ty == KW && k == SqlWords.UNION && j + 1 < n && (quoted || p > 0)) {
            int u = t.type[j + 1];
            if (u == COMMENT
                    || u == LPAREN
                    || u == NUM
                    || u == VAR
                    || u == OP && t.kw[j + 1] == '*'
                    || u == KW && t.kw[j + 1] == SqlWords.SELECT && selectList(t, j + 2, true)) {
                return UNION;
            }
        }
        if (quoted && clean && j == 1 && expressionToQuote(t, 1)) {
            return TAUTOLOGY; // ' = '  a' div 'b  : an expression that ends in the query's own closing quote
        }
        if ((quoted || p > 0)
                && statement(t, j, !quoted)
                && (quoted || t.type[j] != KW || t.kw[j] != SqlWords.SELECT || selectList(t, j + 1, false))) {
            return STACKED;
        }
        if (ty == LOGIC && k != SqlWords.NOT || ty == OP && (t.flags[j] & SqlLexer.F_PIPES) != 0) {
            int r = condition(t, j + 1, quoted, p, k == SqlWords.OR || ty == OP);
            return clean || r == SUBQUERY ? r : NONE;
        }
        if (ty == KW) {
            switch (k) {
                case SqlWords.WHERE:
                case SqlWords.HAVING:
                    return clean ? condition(t, j + 1, quoted, p == 0 ? -1 : p, false) : NONE;
                case SqlWords.AS:
                    if (j + 2 < n && t.type[j + 1] == WORD && t.type[j + 2] == KW && t.kw[j + 2] == SqlWords.WHERE) {
                        return clean ? condition(t, j + 3, quoted, p, false) : NONE;
                    }
                    return NONE;
                case SqlWords.ORDER:
                case SqlWords.GROUP:
                    if (t.end[j] - t.start[j] < 7 || j + 1 >= n) {
                        return NONE;
                    }
                    if (t.type[j + 1] == NUM || t.type[j + 1] == FUNC && t.kw[j + 1] != SqlWords.F_NONE) {
                        int a = j + 2;
                        if (t.type[j + 1] == FUNC) {
                            a = closeParen(t, j + 2);
                        }
                        if (a >= n
                                || t.type[a] == COMMENT
                                || t.type[a] == COMMA
                                || t.type[a] == SEMI
                                || t.type[a] == KW
                                || t.type[a] == RPAREN) {
                            return clean ? CLAUSE : NONE;
                        }
                    }
                    if ((quoted || p > 0)
                            && (t.type[j + 1] == WORD || t.type[j + 1] == KW)
                            && j + 2 < n
                            && (t.type[j + 2] == COMMENT || t.type[j + 2] == KW && t.kw[j + 2] == SqlWords.HAVING)) {
                        return clean ? CLAUSE : NONE;
                    }
                    return NONE;
                case SqlWords.PROCEDURE:
                    return t.end[j] - t.start[j] > 10 ? CLAUSE : NONE;
                case SqlWords.COLLATE:
                    if (j + 1 < n
                            && (t.type[j + 1] == WORD || t.type[j + 1] == STR)
                            && (j + 2 >= n || t.type[j + 2] == COMMENT)
                            && clean
                            && (quoted || p > 0)) {
                        return CLAUSE;
                    }
                    return NONE;
                case SqlWords.FROM:
                    if (p > 0
                            && j + 3 < n
                            && t.type[j + 1] == WORD
                            && t.type[j + 2] == KW
                            && t.kw[j + 2] == SqlWords.WHERE) {
                        int a = operand(t, j + 3);
                        if (a > 0 && a < n && t.type[a] == CMP) {
                            return clean ? CLAUSE : NONE;
                        }
                    }
                    return NONE;
                case SqlWords.LIMIT:
                    if (j + 1 < n && t.type[j + 1] == NUM) {
                        int a = j + 2;
                        if (a + 1 < n && t.type[a] == COMMA && t.type[a + 1] == NUM) {
                            a += 2;
                        }
                        if (a < n && (t.type[a] == COMMENT || t.type[a] == KW && t.kw[a] == SqlWords.OUTFILE)) {
                            return clean ? CLAUSE : NONE;
                        }
                    }
                    return NONE;
                default:
                    return NONE;
            }
        }
        if (!quoted || !clean) {
            return NONE;
        }
        if (ty == OP) {
            // 'x' || f(...), 'x' + char(39), '-(select ...)
            int a = j + 1;
            if (a < n && t.type[a] == FUNC && t.kw[a] != SqlWords.F_NONE) {
                return SUBQUERY;
            }
            if (a + 1 < n && t.type[a] == LPAREN && t.type[a + 1] == KW && t.kw[a + 1] == SqlWords.SELECT) {
                return SUBQUERY;
            }
            return NONE;
        }
        if (ty == CMP) {
            // ' = 0 or ..., '=' or ''='  (the comparison closes the original expression and goes on)
            int a = operand(t, j + 1);
            if (a > 0 && a < n && (t.type[a] == LOGIC && t.kw[a] != SqlWords.NOT || t.type[a] == COMMENT)) {
                int after = a < n && t.type[a] == LOGIC ? condition(t, a + 1, true, 1, t.kw[a] == SqlWords.OR) : NONE;
                return after != NONE ? after : t.type[a] == COMMENT ? TAUTOLOGY : NONE;
            }
        }
        return NONE;
    }

    /** Index after the parenthesised group whose '(' is at {@code i} (or the end of the stream). */
    private static int closeParen(SqlLexer t, int i) {
        int depth = 0;
        for (int j = i; j < t.n; j++) {
            if (t.type[j] == LPAREN) {
                depth++;
            } else if (t.type[j] == RPAREN) {
                depth--;
                if (depth <= 0) {
                    return j + 1;
                }
            }
        }
        return t.n;
    }

    /**
     * Index after one operand starting at {@code i} (literal, name, variable, call, parenthesised group, CASE), or
     * -1 if none starts there.
     */
    private static int operand(SqlLexer t, int i) {
        int n = t.n;
        if (i >= n) {
            return -1;
        }
        int ty = t.type[i];
        switch (ty) {
            case NUM:
            case STR:
            case WORD:
            case VAR:
                return i + 1;
            case FUNC:
                return closeParen(t, i + 1);
            case LPAREN:
                return closeParen(t, i);
            case KW:
                if (!clauseKeyword(t.kw[i])
                        && t.kw[i] != SqlWords.CASE
                        && t.kw[i] != SqlWords.SELECT
                        && t.kw[i] != SqlWords.UNION
                        && (i + 1 >= n
                                || t.type[i + 1] == CMP
                                || t.type[i + 1] == OP
                                || t.type[i + 1] == COMMENT
                                || t.type[i + 1] == RPAREN)) {
                    return i + 1; // a keyword used as a column name: user like '%'
                }
                if (t.kw[i] == SqlWords.CASE) {
                    for (int j = i + 1; j < n; j++) {
                        if (t.type[j] == KW && t.kw[j] == SqlWords.END) {
                            return j + 1;
                        }
                    }
                    return n;
                }
                return -1;
            default:
                return -1;
        }
    }

    /**
     * The finding for a condition that starts at {@code i}, right after a logical operator (or WHERE) that follows
     * the break: a comparison, a SQL function, a subquery, or (after OR) a constant that ends the value.
     */
    private static int condition(SqlLexer t, int i, boolean quoted, int p, boolean isOr) {
        int n = t.n;
        int r = comparison(t, i, quoted, p, isOr);
        if (r != NONE) {
            return r;
        }
        int j = i;
        while (j < n && (t.type[j] == LPAREN || t.type[j] == LOGIC && t.kw[j] == SqlWords.NOT)) {
            j++;
        }
        if (j >= n) {
            return NONE;
        }
        if (j > i) {
            r = comparison(t, j, quoted, p, isOr);
            if (r != NONE) {
                return r;
            }
        }
        if (t.type[i] == LPAREN) {
            // (1 or 1), ((2)=(2)): a parenthesised condition of literals only
            int b = operand(t, i);
            if (b > i + 3 && codeOnly(t, i, b) && hasLogicOrComparison(t, i, b) && tailOk(t, b)) {
                return TAUTOLOGY;
            }
        }
        int ty = t.type[j];
        if (ty == KW && (t.kw[j] == SqlWords.SELECT || t.kw[j] == SqlWords.EXISTS)) {
            return selectList(t, j + 1, j == i ? false : true) || t.kw[j] == SqlWords.EXISTS ? SUBQUERY : NONE;
        }
        if (ty == FUNC && t.kw[j] != SqlWords.F_NONE) {
            int a = closeParen(t, j + 1);
            if (a >= n || t.type[a] != WORD) {
                return SUBQUERY;
            }
        }
        if (ty == VAR && (t.flags[j] & SqlLexer.F_SYSVAR) != 0) {
            return SUBQUERY;
        }
        if (isOr && (ty == NUM || ty == STR && quoted || t.type[i] == LPAREN)) {
            int b = t.type[i] == LPAREN ? operand(t, i) : j + 1;
            if (b < 0 || t.type[i] == LPAREN && !codeOnly(t, i, b)) {
                return NONE;
            }
            b = skip(t, b, RPAREN);
            if (b >= n) {
                // ' or 1 / or true: the value ends; in a quoted context the query's closing quote must be absorbed
                // or '1 : the query's closing quote completes a string that is true as a number
                boolean open = ty == STR
                        && (t.flags[j] & SqlLexer.F_OPEN) != 0
                        && !hasSpace(t, j)
                        && t.start[j] + 1 < t.end[j]
                        && t.text().charAt(t.start[j] + 1) >= '1'
                        && t.text().charAt(t.start[j] + 1) <= '9';
                // a truthy constant: or 1, or true (not "1 or 2", not "1950 or 1960")
                boolean small = ty == NUM
                        && (t.kw[j] == SqlWords.CONST && AsciiText.regionMatchesLower(t.text(), t.start[j], "true")
                                || t.end[j] - t.start[j] == 1 && t.text().charAt(t.start[j]) == '1');
                return (quoted ? open || ty == NUM : small) && b > i ? TAUTOLOGY : NONE;
            }
            int bt = t.type[b];
            if (bt == COMMENT || bt == SEMI || bt == KW && clauseKeyword(t.kw[b])) {
                return TAUTOLOGY;
            }
        }
        return NONE;
    }

    /** A comparison (with arithmetic on either side) starting at {@code j}, followed by more query or nothing. */
    private static int comparison(SqlLexer t, int j, boolean quoted, int p, boolean isOr) {
        int n = t.n;
        int a = operand(t, j);
        if (a < 0) {
            return NONE;
        }
        int guard = 0;
        while (a < n && t.type[a] == OP && guard++ < 8) {
            int b = operand(t, a + 1);
            if (b < 0) {
                break;
            }
            a = b;
        }
        if (a >= n) {
            // or ''-'  : an expression that ends in the context's own open string
            int last = n - 1;
            return isOr && quoted && last > j && t.type[last] == STR && (t.flags[last] & SqlLexer.F_OPEN) != 0
                    ? TAUTOLOGY
                    : NONE;
        }
        if (t.type[a] != CMP) {
            return NONE;
        }
        int b = operand(t, a + 1);
        if (b < 0 && a + 1 < n && t.type[a + 1] == KW && (t.kw[a + 1] == SqlWords.ANY || t.kw[a + 1] == SqlWords.ALL)) {
            b = operand(t, a + 2);
        }
        if (b < 0) {
            return NONE;
        }
        boolean words = t.type[j] == WORD && t.type[a + 1] == WORD;
        if (words && !quoted && p > 0 && !sameText(t, j, a + 1)) {
            return NONE; // tea or size=large reads as prose; x or a=a does not
        }
        if (!quoted
                && (p > 0 && t.type[0] != NUM && t.type[0] != LPAREN || p < 0)
                && (t.type[j] == WORD || t.type[a + 1] == WORD)
                && !sameText(t, j, a + 1)) {
            return NONE; // price >= 10 and price <= 20: a name compared after a name or string is a filter, not a break
        }
        guard = 0;
        while (b < n && t.type[b] == OP && guard++ < 8) {
            int c = operand(t, b + 1);
            if (c < 0) {
                break;
            }
            b = c;
        }
        return tailOk(t, b) ? TAUTOLOGY : NONE;
    }

    /**
     * Whether the comment at {@code j} cuts off the query right after the quote: the text before the quote is one
     * word (a user name, an id), and the comment is a real comment, not a number sign or dash in prose.
     */
    private static boolean commentCut(SqlLexer t, int j) {
        String s = t.text();
        int q0 = t.end[0] - 1;
        for (int i = 0; i < q0; i++) {
            if (s.charAt(i) <= ' ') {
                return false;
            }
        }
        int c = t.start[j];
        int kind = t.kw[j];
        char after = c + (kind == 2 ? 1 : 2) < s.length() ? s.charAt(c + (kind == 2 ? 1 : 2)) : ' ';
        if (kind == 2 && (AsciiText.isWord(after) || after >= 0x80)
                || kind == 1 && (AsciiText.isWord(after) && q0 > 16 || after >= 0x80)) {
            return false;
        }
        char quote = s.charAt(q0);
        return s.indexOf(quote, c) < 0 || s.indexOf(quote, c) >= t.end[j];
    }

    /** {@code 12=12} or {@code 3<>4} at {@code i}, closed by ')' , ',' or THEN: a comparison of two numbers. */
    private static boolean constantComparison(SqlLexer t, int i) {
        int n = t.n;
        if (i + 3 >= n
                || t.type[i] != NUM
                || t.type[i + 1] != CMP
                || t.type[i + 2] != NUM
                || t.kw[i] == SqlWords.CONST
                || t.kw[i + 2] == SqlWords.CONST) {
            return false;
        }
        int a = t.type[i + 3];
        return a == RPAREN
                        && i + 4 < n
                        && (t.type[i + 4] == OP
                                || t.type[i + 4] == LOGIC
                                || t.type[i + 4] == COMMENT
                                || t.type[i + 4] == KW && t.kw[i + 4] == SqlWords.SELECT)
                || a == COMMA
                || a == KW && t.kw[i + 3] == SqlWords.THEN;
    }

    /** Whether tokens [from, to) hold only literals, operators and parentheses (no names, no prose). */
    private static boolean codeOnly(SqlLexer t, int from, int to) {
        for (int i = from; i < to && i < t.n; i++) {
            int ty = t.type[i];
            if (ty == WORD || ty == OTHER || ty == KW) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLogicOrComparison(SqlLexer t, int from, int to) {
        for (int i = from; i < to && i < t.n; i++) {
            if (t.type[i] == LOGIC || t.type[i] == CMP) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSpace(SqlLexer t, int i) {
        for (int k = t.start[i]; k < t.end[i]; k++) {
            if (t.text().charAt(k) <= ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean sameText(SqlLexer t, int a, int b) {
        int len = t.end[a] - t.start[a];
        return len == t.end[b] - t.start[b] && t.text().regionMatches(true, t.start[a], t.text(), t.start[b], len);
    }

    /** Whether what follows a condition looks like more query (or nothing), not prose. */
    private static boolean tailOk(SqlLexer t, int b) {
        b = skip(t, b, RPAREN);
        if (b >= t.n) {
            return true;
        }
        int ty = t.type[b];
        return ty == COMMENT || ty == LOGIC || ty == SEMI || ty == KW || ty == CMP || ty == OP || ty == COMMA;
    }
}
