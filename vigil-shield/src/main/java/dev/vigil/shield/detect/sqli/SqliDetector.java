package dev.vigil.shield.detect.sqli;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Finds SQL injection by reading a value as SQL in each context an injection can start from (bare, after an opening
 * {@code '}, after an opening {@code "}) with {@link SqlLexer} and judging the shape of the token stream with {@link
 * SqlJudge}. A cheap prefilter lets values without any character or keyword an injection needs through at once.
 */
public final class SqliDetector implements Detector {

    /** Rule id: a boolean condition or tautology appended after the value ({@code ' or 'a'='a}, {@code 1 and 1=1}). */
    public static final String TAUTOLOGY = "VGL-SQLI-001";

    /** Rule id: a UNION SELECT. */
    public static final String UNION = "VGL-SQLI-002";

    /** Rule id: a stacked query or a whole SQL statement ({@code ; drop table ...}). */
    public static final String STACKED = "VGL-SQLI-003";

    /** Rule id: a comment cutting off the rest of the query right after a quote ({@code admin'--}). */
    public static final String COMMENT = "VGL-SQLI-004";

    /** Rule id: a time-delay function ({@code sleep}, {@code benchmark}, {@code pg_sleep}, {@code waitfor delay}). */
    public static final String TIME = "VGL-SQLI-005";

    /** Rule id: an error-based extraction function ({@code extractvalue}, {@code updatexml}, ...). */
    public static final String ERROR = "VGL-SQLI-006";

    /** Rule id: file or command access ({@code into outfile}, {@code load_file}, {@code xp_cmdshell}, ...). */
    public static final String SYSTEM = "VGL-SQLI-007";

    /** Rule id: a subquery or SQL function spliced into the expression ({@code ' || (select ...)}). */
    public static final String SUBQUERY = "VGL-SQLI-008";

    /** Rule id: a clause appended after the value ({@code order by 5--}, {@code procedure analyse}). */
    public static final String CLAUSE = "VGL-SQLI-009";

    /** Token buffers, reused by each thread (they hold no state between values). */
    private static final ThreadLocal<SqlLexer> SCRATCH = new ThreadLocal<>();

    /**
     * Creates the detector and loads its lexer and judge classes now, by reading one short constant, so that class
     * loading happens when the Shield is built (the function's init phase), not inside the first event's time budget.
     */
    public SqliDetector() {
        SqlLexer lexer = new SqlLexer();
        if (lexer.lex("0' or 1=1--", '\'')) {
            SqlJudge.judge(lexer, true, lexer.at);
        }
        Prefilter.hints("0", lexer.b, lexer.prepare("0"));
    }

    @Override
    public String id() {
        return "sqli";
    }

    @Override
    public String category() {
        return "sqli";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        SqlLexer lexer = SCRATCH.get();
        if (lexer == null) {
            lexer = new SqlLexer();
            SCRATCH.set(lexer);
        }
        int[] at = lexer.at;
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            String text = variant.text();
            int hints = Prefilter.hints(text, lexer.b, lexer.prepare(text));
            if (hints == 0) {
                continue;
            }
            int best = SqlJudge.NONE;
            int from = 0;
            int to = 0;
            for (int c = 0; c < 3; c++) {
                char quote = c == 0 ? 0 : c == 1 ? '\'' : '"';
                if (c == 1 && (hints & Prefilter.SINGLE) == 0 || c == 2 && (hints & Prefilter.DOUBLE) == 0) {
                    continue;
                }
                if (!lexer.lex(text, quote) || lexer.n == 0) {
                    continue;
                }
                int found = SqlJudge.judge(lexer, quote != 0, at);
                if (found != SqlJudge.NONE && SqlJudge.stronger(found, best)) {
                    best = found;
                    int i = Math.min(at[0], lexer.n - 1);
                    from = lexer.start[i];
                    to = lexer.end[lexer.n - 1];
                }
            }
            if (best != SqlJudge.NONE) {
                sink.report(detection(best, variant, from, Math.max(from, Math.min(to, text.length()))));
                return;
            }
        }
    }

    private static Detection detection(int finding, Variant v, int from, int to) {
        switch (finding) {
            case SqlJudge.TAUTOLOGY:
                return new Detection(
                        TAUTOLOGY, "SQL injection: boolean condition appended", Severity.HIGH, v, from, to);
            case SqlJudge.UNION:
                return new Detection(UNION, "SQL injection: UNION SELECT", Severity.CRITICAL, v, from, to);
            case SqlJudge.STACKED:
                return new Detection(STACKED, "SQL injection: stacked query", Severity.CRITICAL, v, from, to);
            case SqlJudge.COMMENT_CUT:
                return new Detection(COMMENT, "SQL injection: quote then comment", Severity.HIGH, v, from, to);
            case SqlJudge.TIME:
                return new Detection(TIME, "SQL injection: time delay", Severity.HIGH, v, from, to);
            case SqlJudge.ERROR:
                return new Detection(ERROR, "SQL injection: error-based extraction", Severity.HIGH, v, from, to);
            case SqlJudge.SYSTEM:
                return new Detection(SYSTEM, "SQL injection: file or command access", Severity.CRITICAL, v, from, to);
            case SqlJudge.SUBQUERY:
                return new Detection(SUBQUERY, "SQL injection: subquery or SQL function", Severity.HIGH, v, from, to);
            default:
                return new Detection(CLAUSE, "SQL injection: clause appended", Severity.MEDIUM, v, from, to);
        }
    }
}
