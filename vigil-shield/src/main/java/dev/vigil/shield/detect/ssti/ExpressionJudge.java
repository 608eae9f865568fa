package dev.vigil.shield.detect.ssti;

import static dev.vigil.shield.detect.ssti.ExpressionLexer.ARITH;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.AT;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.BACKTICK;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.DOT;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.HASH;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.IDENT;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.LBRACE;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.LBRACK;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.LPAREN;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.NUMBER;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.PIPE;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.QUESTION;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.RBRACE;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.RBRACK;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.RPAREN;
import static dev.vigil.shield.detect.ssti.ExpressionLexer.STRING;

import dev.vigil.shield.detect.AsciiText;

/**
 * Judges one lexed template expression. The verdicts, strongest first:
 *
 * <ul>
 *   <li>{@link #EXEC}: the expression reaches code execution, reflection or class loading (a Python dunder attribute,
 *       {@code getClass}/{@code forName}/{@code getRuntime}, a call to {@code exec}/{@code system}/{@code popen}, a
 *       SpEL type reference {@code T(x.y.Z)}, an OGNL static reference {@code @x.y.Z@m}, construction of a qualified
 *       class, a Freemarker {@code ?new}/{@code ?api} built-in, a dangerous callable named in a string);
 *   <li>{@link #INTERNALS}: the expression starts from an engine global that exposes the engine or the request
 *       ({@code config}, {@code self}, {@code request}, {@code _self}, {@code smarty}, {@code dump(...)}, OGNL
 *       {@code #context});
 *   <li>{@link #STATEMENT}: a statement tag or directive of a template language ({@code if}, {@code for}, {@code set},
 *       {@code assign}, {@code include}...);
 *   <li>{@link #PROBE}: an evaluation probe: arithmetic on literals only ({@code 7*7}, {@code 7*'7'}) or a method call on
 *       a literal.
 * </ul>
 */
final class ExpressionJudge {

    static final int NONE = 0;
    static final int PROBE = 1;
    static final int STATEMENT = 2;
    static final int INTERNALS = 3;
    static final int EXEC = 4;

    /** The expression is the body of a statement tag ({@code {% %}}, {@code <% %>}): its first word is a keyword. */
    static final int CTX_STATEMENT = 1;

    /** The expression is ERB/JSP/Smarty code, where backticks run shell commands. */
    static final int CTX_SHELL_BACKTICK = 2;

    private ExpressionJudge() {}

    /** The verdict for the lexed expression. */
    static int judge(ExpressionLexer lx, int context) {
        int n = lx.count;
        int verdict = NONE;
        boolean ident = false;
        boolean arith = false;
        boolean number = false;
        boolean other = false;
        int operands = 0;
        for (int i = 0; i < n; i++) {
            int k = lx.kind[i];
            switch (k) {
                case IDENT:
                    ident = true;
                    int v = judgeIdent(lx, i);
                    if (v == EXEC) {
                        return EXEC;
                    }
                    verdict = Math.max(verdict, v);
                    break;
                case STRING:
                    operands++;
                    if (dangerousString(lx.text, lx.start[i], lx.end[i])) {
                        return EXEC;
                    }
                    if (lx.kindAt(i + 1) == DOT && lx.kindAt(i + 2) == IDENT) {
                        verdict = Math.max(verdict, PROBE);
                    }
                    break;
                case NUMBER:
                    operands++;
                    number = true;
                    break;
                case ARITH:
                    arith = true;
                    if (isRubyCommandLiteral(lx, i)) {
                        return EXEC;
                    }
                    break;
                case AT:
                    if (isOgnlStatic(lx, i)) {
                        return EXEC;
                    }
                    other = true;
                    break;
                case BACKTICK:
                    if ((context & CTX_SHELL_BACKTICK) != 0) {
                        return EXEC;
                    }
                    other = true;
                    break;
                case RBRACK:
                case RPAREN:
                    // [].class, ().__class__: a member of an empty literal
                    if (i > 0 && lx.kind[i - 1] == k - 1 && lx.kindAt(i + 1) == DOT && lx.kindAt(i + 2) == IDENT) {
                        verdict = Math.max(verdict, PROBE);
                    }
                    break;
                case LPAREN:
                case LBRACK:
                case LBRACE:
                case RBRACE:
                    break;
                default:
                    other = true;
                    break;
            }
        }
        if ((context & CTX_STATEMENT) != 0 && isStatement(lx)) {
            verdict = Math.max(verdict, STATEMENT);
        }
        if (!ident && !other && arith && number && operands >= 2) {
            verdict = Math.max(verdict, PROBE);
        }
        return verdict;
    }

    private static int judgeIdent(ExpressionLexer lx, int i) {
        String name = lx.lowerText(i);
        int prev = lx.kindAt(i - 1);
        int next = lx.kindAt(i + 1);
        if (isDunder(name) || isMangledPrivate(name)) {
            return EXEC;
        }
        switch (name) {
            case "getclass":
            case "forname":
            case "getruntime":
            case "getmethod":
            case "getmethods":
            case "getdeclaredmethod":
            case "getdeclaredmethods":
            case "getdeclaredfield":
            case "getdeclaredfields":
            case "getdeclaredconstructor":
            case "getdeclaredconstructors":
            case "getconstructor":
            case "getconstructors":
            case "newinstance":
            case "getclassloader":
            case "classloader":
            case "loadclass":
            case "defineclass":
            case "scriptenginemanager":
            case "getenginebyname":
            case "getenginebyextension":
            case "processbuilder":
            case "_memberaccess":
            case "memberaccess":
            case "subclasses":
            case "objectconstructor":
            case "jythonruntime":
            case "child_process":
            case "mainmodule":
            case "execsync":
            case "spawnsync":
            case "popen":
            case "subprocess":
            case "constructor":
                return EXEC;
            default:
                break;
        }
        if (next == LPAREN) {
            switch (name) {
                case "exec":
                case "system":
                case "eval":
                case "passthru":
                case "shell_exec":
                case "proc_open":
                case "pcntl_exec":
                case "spawn":
                case "execfile":
                case "require":
                case "getattr":
                case "setattr":
                case "mro":
                case "file_get_contents":
                case "readfile":
                case "fopen":
                case "include_file":
                    return EXEC;
                case "execute":
                    if (prev == DOT) {
                        return EXEC; // Groovy "cmd".execute()
                    }
                    break;
                case "t":
                    // SpEL type reference T(java.lang.Runtime)
                    if (lx.kindAt(i + 2) == IDENT && lx.kindAt(i + 3) == DOT) {
                        return EXEC;
                    }
                    break;
                default:
                    break;
            }
        }
        if (prev == QUESTION) {
            switch (name) {
                case "new":
                case "api":
                case "eval":
                case "interpret":
                    return EXEC;
                default:
                    return NONE;
            }
        }
        if (prev == PIPE && name.equals("attr") && next == LPAREN) {
            return EXEC;
        }
        if (name.equals("new") && next == IDENT && lx.kindAt(i + 2) == DOT) {
            return EXEC;
        }
        if (prev != DOT && next == DOT) {
            switch (name) {
                case "os":
                case "sys":
                case "subprocess":
                case "builtins":
                case "process":
                case "runtime":
                case "class":
                    return EXEC;
                case "java":
                case "javax":
                case "jdk":
                case "freemarker":
                    // a qualified class used as a receiver (java.lang.Thread.sleep(1)); a property like
                    // ${java.home} is not
                    return chainEndsInCall(lx, i) ? EXEC : NONE;
                case "file":
                case "io":
                case "dir":
                case "kernel":
                    if (lx.kindAt(i + 2) == IDENT && lx.kindAt(i + 3) == LPAREN) {
                        return EXEC;
                    }
                    break;
                default:
                    break;
            }
        }
        if (prev == HASH) {
            switch (name) {
                case "context":
                case "attr":
                case "application":
                case "session":
                case "parameters":
                case "request":
                    return next == LBRACK || next == DOT ? INTERNALS : NONE;
                default:
                    return NONE;
            }
        }
        if (prev != DOT) {
            switch (name) {
                case "self":
                case "_self":
                case "config":
                case "request":
                case "app":
                case "smarty":
                case "settings":
                case "cycler":
                case "joiner":
                case "namespace":
                case "lipsum":
                case "url_for":
                case "get_flashed_messages":
                case "_context":
                case "application":
                case "pagecontext":
                case "applicationscope":
                case "sessionscope":
                case "requestscope":
                case "facescontext":
                case "initparam":
                    return INTERNALS;
                case "dump":
                    return next == LPAREN ? INTERNALS : NONE;
                default:
                    break;
            }
        }
        return NONE;
    }

    private static boolean chainEndsInCall(ExpressionLexer lx, int i) {
        int j = i;
        while (lx.kindAt(j) == IDENT && lx.kindAt(j + 1) == DOT) {
            j += 2;
        }
        return lx.kindAt(j) == IDENT && lx.kindAt(j + 1) == LPAREN;
    }

    /** Python special names such as {@code __class__}, {@code __globals__}: always introspection in a template. */
    static boolean isDunder(String name) {
        return name.length() > 4 && name.startsWith("__") && name.endsWith("__");
    }

    /** Python name-mangled privates such as {@code _Klass__attr}, the way into Jinja's internal objects. */
    private static boolean isMangledPrivate(String name) {
        if (name.length() < 5 || name.charAt(0) != '_' || name.charAt(1) == '_') {
            return false;
        }
        int at = name.indexOf("__", 2);
        return at > 1 && at + 2 < name.length() && name.charAt(at + 2) != '_';
    }

    /** Whether a string literal names a command-running callable, a dunder or a dangerous class. */
    static boolean dangerousString(String s, int from, int to) {
        while (from < to && AsciiText.isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && AsciiText.isSpace(s.charAt(to - 1))) {
            to--;
        }
        int len = to - from;
        if (len < 2 || len > 200) {
            return false;
        }
        String lit = AsciiText.lower(s.substring(from, to));
        switch (lit) {
            case "system":
            case "exec":
            case "passthru":
            case "shell_exec":
            case "popen":
            case "proc_open":
            case "pcntl_exec":
            case "eval":
            case "assert":
            case "os":
            case "subprocess":
            case "builtins":
            case "constructor":
            case "getruntime":
            case "forname":
                return true;
            default:
                break;
        }
        return isDunder(lit)
                || lit.contains("<?php")
                || lit.startsWith("java.lang.")
                || lit.startsWith("java.io.")
                || lit.startsWith("java.net.")
                || lit.startsWith("javax.script.")
                || lit.startsWith("javax.naming.")
                || lit.startsWith("freemarker.template.utility.")
                || lit.startsWith("org.springframework.");
    }

    /** Ruby's {@code %x(...)} / {@code %x|...|} command literal: {@code %} and {@code x} adjacent, then a delimiter. */
    private static boolean isRubyCommandLiteral(ExpressionLexer lx, int i) {
        int s = lx.start[i];
        String t = lx.text;
        if (t.charAt(s) != '%' || lx.kindAt(i + 1) != IDENT || lx.start[i + 1] != s + 1 || lx.end[i + 1] != s + 2) {
            return false;
        }
        if (t.charAt(s + 1) != 'x' || s + 2 >= t.length()) {
            return false;
        }
        char d = t.charAt(s + 2);
        return d == '(' || d == '|' || d == '{' || d == '[' || d == '!' || d == '/' || d == '<';
    }

    /** OGNL static access: {@code @} qualified class name {@code @} member. */
    private static boolean isOgnlStatic(ExpressionLexer lx, int at) {
        int i = at + 1;
        int segments = 0;
        while (lx.kindAt(i) == IDENT) {
            segments++;
            if (lx.kindAt(i + 1) == DOT) {
                i += 2;
            } else {
                i++;
                break;
            }
        }
        return segments >= 2 && lx.kindAt(i) == AT && lx.kindAt(i + 1) == IDENT;
    }

    private static boolean isStatement(ExpressionLexer lx) {
        int i = 0;
        // Handlebars block helpers {{#each}}, ERB/ASP output and trim markers <%= <%- are not part of the keyword
        while (i < lx.count && (lx.kind[i] == HASH || lx.kind[i] == ARITH || isEquals(lx, i))) {
            i++;
        }
        if (lx.kindAt(i) != IDENT) {
            return false;
        }
        switch (lx.lowerText(i)) {
            case "if":
            case "elif":
            case "elseif":
            case "else":
            case "endif":
            case "for":
            case "endfor":
            case "foreach":
            case "set":
            case "endset":
            case "import":
            case "from":
            case "include":
            case "extends":
            case "macro":
            case "endmacro":
            case "call":
            case "filter":
            case "block":
            case "endblock":
            case "with":
            case "raw":
            case "autoescape":
            case "debug":
            case "load":
            case "print":
            case "do":
            case "embed":
            case "sandbox":
            case "spaceless":
            case "verbatim":
            case "apply":
            case "unless":
            case "each":
            case "while":
            case "case":
            case "def":
            case "end":
            case "assign":
            case "list":
            case "function":
            case "global":
            case "local":
            case "attempt":
            case "setting":
            case "ftl":
            case "compress":
            case "escape":
            case "noparse":
            case "visit":
            case "recurse":
            case "switch":
            case "evaluate":
            case "parse":
            case "define":
            case "capture":
                return true;
            default:
                return false;
        }
    }

    private static boolean isEquals(ExpressionLexer lx, int i) {
        return lx.kind[i] == ExpressionLexer.OTHER && lx.text.charAt(lx.start[i]) == '=';
    }
}
