package dev.vigil.shield.hygiene;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds stack-trace blocks in response text, line by line, in one linear pass.
 *
 * <p>Lines end at a newline, at an escaped {@code \n}/{@code \r} (stack traces inside JSON strings), and, when the
 * text is JSON, at an unescaped {@code "} (so each element of a {@code "stackTrace": [...]} array is a line). Each
 * line is classified:
 *
 * <ul>
 *   <li>evidence: a Java frame ({@code at a.b.C.m(C.java:42)}, also a bare {@code a.b.C.m(C.java:42)} that is a whole
 *       JSON string), a Node frame ({@code at fn (/var/task/index.js:10:5)}), a Python frame
 *       ({@code File "/var/task/app.py", line 4, in handler}), {@code Exception in thread "..." a.b.SomeException},
 *       {@code Caused by: a.b.SomeException}, {@code Suppressed: ...} or {@code Traceback (most recent call last)};
 *   <li>continuations, kept only inside a block: {@code ... 12 more}, an exception line such as
 *       {@code java.lang.IllegalStateException: boom}, {@code TypeError: x} or {@code ValueError: x} (which also
 *       opens a block when evidence follows), indented Python source lines after a Python frame, and Python's chained
 *       exception sentences;
 *   <li>glue (empty, whitespace, JSON punctuation), allowed between block lines;
 *   <li>anything else, which ends a block.
 * </ul>
 *
 * A block with at least one evidence line is reported from the start of its first line's content to the end of its
 * last line's content.
 */
final class StackTraceFinder {

    private static final String TRACEBACK = "Traceback (most recent call last)";

    private enum LineKind {
        GLUE,
        FRAME,
        PYTHON_FRAME,
        HEADER,
        TRACEBACK,
        CONTINUATION,
        EXCEPTION_LINE,
        INDENTED,
        OTHER
    }

    private final String text;
    private final int limit;
    private final boolean json;
    private final List<Leak> found = new ArrayList<>();

    private int contentStart;
    private int terminatorLength;
    private int contentEnd;

    private int blockStart = -1;
    private int blockEnd;
    private boolean python;
    private int indentedRun;
    private int pendingStart = -1;

    private int tracebackSearchedFrom = -1;
    private int tracebackAt = -1;

    private StackTraceFinder(String text, int limit) {
        this.text = text;
        this.limit = limit;
        this.json = startsLikeJson(text, limit);
    }

    /** The stack-trace blocks in {@code text[0, limit)}, ordered by start. */
    static List<Leak> find(String text, int limit) {
        StackTraceFinder finder = new StackTraceFinder(text, limit);
        finder.run();
        return finder.found;
    }

    private static boolean startsLikeJson(String text, int limit) {
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c > ' ') {
                return c == '{' || c == '[' || c == '"';
            }
        }
        return false;
    }

    private void run() {
        int pos = 0;
        boolean afterQuote = false;
        while (true) {
            int end = lineEnd(pos);
            boolean beforeQuote = end < limit && text.charAt(end) == '"';
            LineKind kind = classify(pos, end, afterQuote && beforeQuote);
            accept(kind);
            if (end >= limit) {
                break;
            }
            afterQuote = beforeQuote;
            pos = end + terminatorLength;
        }
        closeBlock();
    }

    /**
     * The index of the terminator that ends the line starting at {@code pos}, or {@link #limit}; sets
     * {@link #terminatorLength}. In JSON, {@code \\n} (an escaped newline inside a JSON-encoded string inside
     * JSON) ends a line too.
     */
    private int lineEnd(int pos) {
        int i = pos;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || (json && c == '"')) {
                terminatorLength = 1;
                return i;
            }
            if (c == '\\' && i + 1 < limit) {
                char next = text.charAt(i + 1);
                if (next == 'n' || next == 'r') {
                    terminatorLength = 2;
                    return i;
                }
                if (json) {
                    if (next == '\\' && i + 2 < limit && (text.charAt(i + 2) == 'n' || text.charAt(i + 2) == 'r')) {
                        terminatorLength = 3;
                        return i;
                    }
                    i += 2;
                    continue;
                }
            }
            i++;
        }
        terminatorLength = 0;
        return limit;
    }

    private void accept(LineKind kind) {
        switch (kind) {
            case FRAME, PYTHON_FRAME, HEADER, TRACEBACK -> {
                if (blockStart < 0) {
                    blockStart = pendingStart >= 0 ? pendingStart : contentStart;
                }
                blockEnd = contentEnd;
                python = kind == LineKind.PYTHON_FRAME || kind == LineKind.TRACEBACK;
                indentedRun = 0;
            }
            case CONTINUATION -> {
                if (blockStart >= 0) {
                    blockEnd = contentEnd;
                    python = false;
                } else {
                    pendingStart = -1;
                }
            }
            case EXCEPTION_LINE -> {
                if (blockStart >= 0) {
                    blockEnd = contentEnd;
                    python = false;
                } else {
                    pendingStart = contentStart;
                }
            }
            case INDENTED -> {
                if (blockStart >= 0 && python && indentedRun < 4) {
                    blockEnd = contentEnd;
                    indentedRun++;
                } else {
                    closeBlock();
                }
            }
            case GLUE -> {}
            case OTHER -> closeBlock();
        }
    }

    private void closeBlock() {
        if (blockStart >= 0) {
            found.add(new Leak(LeakKinds.STACK_TRACE, blockStart, blockEnd));
        }
        blockStart = -1;
        pendingStart = -1;
        python = false;
        indentedRun = 0;
    }

    private LineKind classify(int from, int to, boolean wholeJsonString) {
        int cs = from;
        int indent = 0;
        while (cs < to) {
            char c = text.charAt(cs);
            if (c == ' ' || c == '\t') {
                cs++;
                indent++;
            } else if (c == '\\' && cs + 1 < to && text.charAt(cs + 1) == 't') {
                cs += 2;
                indent += 4;
            } else if (c == '\\' && cs + 2 < to && text.charAt(cs + 1) == '\\' && text.charAt(cs + 2) == 't') {
                cs += 3;
                indent += 4;
            } else {
                break;
            }
        }
        int ce = to;
        while (ce > cs && (text.charAt(ce - 1) == ' ' || text.charAt(ce - 1) == '\t')) {
            ce--;
        }
        contentStart = cs;
        contentEnd = ce;
        if (isGlue(cs, ce)) {
            return LineKind.GLUE;
        }
        if (startsWith(cs, ce, "at ")) {
            int p = cs + 3;
            if (javaFrameEnd(p, ce, false) > 0 || isNodeFrame(p, ce)) {
                return LineKind.FRAME;
            }
        }
        if (startsWith(cs, ce, "File ") && isPythonFrame(cs + 5, ce)) {
            return LineKind.PYTHON_FRAME;
        }
        if (isStrongHeader(cs, ce)) {
            return LineKind.HEADER;
        }
        if (isContinuation(cs, ce)) {
            return LineKind.CONTINUATION;
        }
        int traceback = tracebackIn(cs, ce);
        if (traceback >= 0) {
            contentStart = traceback;
            return LineKind.TRACEBACK;
        }
        if (json && wholeJsonString && javaFrameEnd(cs, ce, true) == ce) {
            return LineKind.FRAME;
        }
        if (exceptionNameEnd(cs, ce, 0) > 0) {
            return LineKind.EXCEPTION_LINE;
        }
        return indent >= 2 ? LineKind.INDENTED : LineKind.OTHER;
    }

    private boolean isGlue(int cs, int ce) {
        for (int k = cs; k < ce; k++) {
            char c = text.charAt(k);
            if (c != ',' && c != '[' && c != ']' && c != '{' && c != '}' && c != ':' && c > ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int cs, int ce, String prefix) {
        return ce - cs >= prefix.length() && text.startsWith(prefix, cs);
    }

    /**
     * A Java frame {@code name.with.dots(File.java:42)}, {@code (Native Method)} or {@code (Unknown Source)} at
     * {@code p}; without {@code requireLine} the line number may be missing. Returns the end of the {@code )}.
     */
    private int javaFrameEnd(int p, int ce, boolean requireLine) {
        int q = p;
        int dots = 0;
        while (q < ce) {
            char c = text.charAt(q);
            if (SecretShapes.isAlnum(c)
                    || c == '_'
                    || c == '$'
                    || c == '/'
                    || c == '@'
                    || c == '<'
                    || c == '>'
                    || c == '-') {
                q++;
            } else if (c == '.') {
                dots++;
                q++;
            } else {
                break;
            }
        }
        if (q == p || dots == 0 || q >= ce || text.charAt(q) != '(') {
            return -1;
        }
        q++;
        if (text.startsWith("Native Method)", q)) {
            return q + 14 <= ce ? q + 14 : -1;
        }
        if (text.startsWith("Unknown Source)", q)) {
            return q + 15 <= ce ? q + 15 : -1;
        }
        int file = q;
        boolean fileDot = false;
        while (q < ce) {
            char c = text.charAt(q);
            if (SecretShapes.isAlnum(c) || c == '_' || c == '$' || c == '-') {
                q++;
            } else if (c == '.') {
                fileDot = true;
                q++;
            } else {
                break;
            }
        }
        if (q == file || !fileDot || q >= ce) {
            return -1;
        }
        if (text.charAt(q) == ':') {
            int digits = ++q;
            while (q < ce && SecretShapes.isDigit(text.charAt(q))) {
                q++;
            }
            if (q == digits) {
                return -1;
            }
        } else if (requireLine) {
            return -1;
        }
        return q < ce && text.charAt(q) == ')' ? q + 1 : -1;
    }

    /**
     * A Node frame after {@code at }: {@code [async ]name (location)} or a bare {@code location}, where a location is
     * {@code <anonymous>}, {@code native}, or a file ending {@code :line:column}.
     */
    private boolean isNodeFrame(int p, int ce) {
        if (text.startsWith("async ", p)) {
            p += 6;
        }
        int open = -1;
        for (int k = p; k < ce; k++) {
            if (text.charAt(k) == '(') {
                open = k;
                break;
            }
        }
        if (open >= 0) {
            return open > p + 1
                    && text.charAt(open - 1) == ' '
                    && text.charAt(ce - 1) == ')'
                    && isNodeLocation(open + 1, ce - 1);
        }
        return isNodeLocation(p, ce);
    }

    private boolean isNodeLocation(int from, int to) {
        if (to <= from) {
            return false;
        }
        if (text.startsWith("<anonymous>", from) && to - from == 11
                || text.startsWith("native", from) && to - from == 6) {
            return true;
        }
        int q = to;
        for (int part = 0; part < 2; part++) {
            int digitsEnd = q;
            while (q > from && SecretShapes.isDigit(text.charAt(q - 1))) {
                q--;
            }
            if (q == digitsEnd || q <= from || text.charAt(q - 1) != ':') {
                return false;
            }
            q--;
        }
        if (q == from) {
            return false;
        }
        boolean pathLike = false;
        boolean space = false;
        boolean paren = false;
        for (int k = from; k < q; k++) {
            char c = text.charAt(k);
            if (c == '/' || c == '\\' || c == '.' || c == '<') {
                pathLike = true;
            } else if (c == ' ') {
                space = true;
            } else if (c == '(') {
                paren = true;
            }
        }
        return pathLike && (!space || paren);
    }

    /** After {@code File }: {@code "path", line N} (quotes possibly escaped, as inside JSON). */
    private boolean isPythonFrame(int p, int ce) {
        p = skipBackslashes(p, ce);
        if (p >= ce || text.charAt(p) != '"') {
            return false;
        }
        int close = p + 1;
        while (close < ce && text.charAt(close) != '"') {
            close++;
        }
        int pathEnd = close;
        while (pathEnd > p + 1 && text.charAt(pathEnd - 1) == '\\') {
            pathEnd--;
        }
        if (close >= ce || pathEnd <= p + 1 || !text.startsWith(", line ", close + 1)) {
            return false;
        }
        int digits = close + 8;
        return digits < ce && SecretShapes.isDigit(text.charAt(digits));
    }

    private boolean isStrongHeader(int cs, int ce) {
        if (startsWith(cs, ce, "Caused by: ")) {
            return exceptionNameEnd(cs + 11, ce, 1) > 0;
        }
        if (startsWith(cs, ce, "Suppressed: ")) {
            return exceptionNameEnd(cs + 12, ce, 1) > 0;
        }
        if (!startsWith(cs, ce, "Exception in thread ")) {
            return false;
        }
        int p = skipBackslashes(cs + 20, ce);
        if (p >= ce || text.charAt(p) != '"') {
            return false;
        }
        int close = p + 1;
        int max = Math.min(ce, p + 256);
        while (close < max && text.charAt(close) != '"') {
            close++;
        }
        int after = close + 1;
        return close < max && after + 1 < ce && text.charAt(after) == ' ' && exceptionNameEnd(after + 1, ce, 1) > 0;
    }

    /** Up to three backslashes, as escaped quotes in (doubly) JSON-encoded text have. */
    private int skipBackslashes(int p, int ce) {
        int max = Math.min(ce, p + 3);
        while (p < max && text.charAt(p) == '\\') {
            p++;
        }
        return p;
    }

    private boolean isContinuation(int cs, int ce) {
        if (startsWith(cs, ce, "... ")) {
            int q = cs + 4;
            int digits = q;
            while (q < ce && SecretShapes.isDigit(text.charAt(q))) {
                q++;
            }
            return q > digits && (text.startsWith(" more", q) || text.startsWith(" common frames omitted", q));
        }
        return startsWith(cs, ce, "During handling of the above exception, another exception occurred")
                || startsWith(cs, ce, "The above exception was the direct cause of the following exception");
    }

    /**
     * An exception type name at {@code p} with at least {@code minDots} dots, whose last segment ends in
     * {@code Exception}, {@code Error} or {@code Throwable}, followed by the end of the content or {@code :}.
     */
    private int exceptionNameEnd(int p, int ce, int minDots) {
        if (p >= ce || !(SecretShapes.isUpper(text.charAt(p)) || SecretShapes.isLower(text.charAt(p)))) {
            return -1;
        }
        int q = p;
        int dots = 0;
        int max = Math.min(ce, p + 256);
        while (q < max) {
            char c = text.charAt(q);
            if (SecretShapes.isAlnum(c) || c == '_' || c == '$') {
                q++;
            } else if (c == '.') {
                dots++;
                q++;
            } else {
                break;
            }
        }
        if (dots < minDots || (q < ce && text.charAt(q) != ':')) {
            return -1;
        }
        return endsWith(p, q, "Exception") || endsWith(p, q, "Error") || endsWith(p, q, "Throwable") ? q : -1;
    }

    private boolean endsWith(int from, int to, String suffix) {
        int start = to - suffix.length();
        return start >= from && text.startsWith(suffix, start);
    }

    /** The position of {@code Traceback (most recent call last)} in {@code [cs, ce)}; searches stay linear. */
    private int tracebackIn(int cs, int ce) {
        if (tracebackSearchedFrom < 0 || cs < tracebackSearchedFrom || (tracebackAt >= 0 && tracebackAt < cs)) {
            tracebackSearchedFrom = cs;
            int at = text.indexOf(TRACEBACK, cs);
            tracebackAt = at >= 0 && at + TRACEBACK.length() <= limit ? at : -1;
        }
        return tracebackAt >= cs && tracebackAt + TRACEBACK.length() <= ce ? tracebackAt : -1;
    }
}
