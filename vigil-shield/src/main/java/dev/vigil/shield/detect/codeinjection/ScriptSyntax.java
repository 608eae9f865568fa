package dev.vigil.shield.detect.codeinjection;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * Node.js, Perl, Ruby and Python shapes: runtime objects reached from injected code ({@code process.mainModule},
 * {@code require('child_process')}, {@code constructor.constructor}), serialized-function markers, infinite loops,
 * Perl's <code>@{[ ]}</code> interpolation, Python's {@code os}/{@code subprocess} calls and dunder escapes, Ruby's
 * process and evaluation calls.
 */
final class ScriptSyntax {

    static final String NODE = "VGL-CODE-005";
    static final String SCRIPT = "VGL-CODE-006";

    private ScriptSyntax() {}

    static Detection judge(Variant v, int flags, int words) {
        String s = v.text();
        boolean paren = Chars.has(flags, Chars.PAREN);
        if (!Chars.has(
                flags,
                Chars.PAREN
                        | Chars.DOT
                        | Chars.OPEN_BRACKET
                        | Chars.UNDERSCORE
                        | Chars.DOLLAR
                        | Chars.AT
                        | Chars.PERCENT
                        | Chars.COLON)) {
            return null;
        }
        Detection d = node(v, s, paren, flags, words);
        if (d != null) {
            return d;
        }
        return others(v, s, paren, flags, words);
    }

    private static Detection node(Variant v, String s, boolean paren, int flags, int words) {
        int n = s.length();
        int i;
        // serialized-function markers of node-serialize and funcster
        if (Chars.has(flags, Chars.DOLLAR)
                && ((i = s.indexOf("_$$ND_FUNC$$_")) >= 0 || (i = s.indexOf("_$$ND_CC$$_")) >= 0)) {
            return hit(v, NODE, "Node.js serialized function", i, i + 11);
        }
        if (Keywords.has(words, Keywords.JS_FUNCTION) && (i = s.indexOf("__js_function")) >= 0) {
            return hit(v, NODE, "Node.js serialized function", i, i + 13);
        }
        if (Keywords.has(words, Keywords.CHILD_PROCESS) && (i = s.indexOf("child_process")) >= 0) {
            return hit(v, NODE, "Node.js child_process", i, i + 13);
        }
        // process.<runtime member>, process["env"]
        i = Keywords.has(words, Keywords.PROCESS) ? s.indexOf("process") : -1;
        while (i >= 0) {
            int end = i + 7;
            if ((i == 0 || !AsciiText.isWord(s.charAt(i - 1))) && end < n) {
                int m = end;
                char c = s.charAt(m);
                if (c == '[' && m + 1 < n && (s.charAt(m + 1) == '"' || s.charAt(m + 1) == '\'')) {
                    m += 2;
                } else if (c == '.') {
                    m++;
                } else {
                    m = -1;
                }
                if (m > 0) {
                    int w = Scan.wordEnd(s, m);
                    if (w > m && isProcessMember(s.substring(m, w))) {
                        return hit(v, NODE, "Node.js process object", i, w);
                    }
                }
            }
            i = s.indexOf("process", end);
        }
        // require('fs'), require.main, require[...]
        i = Keywords.has(words, Keywords.REQUIRE) ? s.indexOf("require") : -1;
        while (i >= 0) {
            int end = i + 7;
            if ((i == 0 || !AsciiText.isWord(s.charAt(i - 1))) && end < n) {
                char c = s.charAt(end);
                if (c == '.' || c == '[') {
                    int w = Scan.wordEnd(s, end + 1);
                    String member = s.substring(end + 1, w);
                    if (c == '[' || member.equals("main") || member.equals("cache") || member.equals("resolve")) {
                        return hit(v, NODE, "Node.js require", i, w);
                    }
                } else {
                    int p = Scan.skipSpace(s, end);
                    if (p < n && s.charAt(p) == '(') {
                        int q = Scan.skipSpace(s, p + 1);
                        if (q < n && (s.charAt(q) == '\'' || s.charAt(q) == '"' || s.charAt(q) == '`')) {
                            return hit(v, NODE, "Node.js require", i, q + 1);
                        }
                    }
                }
            }
            i = s.indexOf("require", end);
        }
        // constructor.constructor / constructor:constructor / ["constructor"]["constructor"]
        i = Keywords.has(words, Keywords.CONSTRUCTOR) ? s.indexOf("constructor") : -1;
        while (i >= 0) {
            int end = i + 11;
            int k = end;
            while (k < n
                    && k - end < 4
                    && (s.charAt(k) == '.'
                            || s.charAt(k) == ':'
                            || s.charAt(k) == '['
                            || s.charAt(k) == ']'
                            || s.charAt(k) == '"'
                            || s.charAt(k) == '\'')) {
                k++;
            }
            if (k > end && s.startsWith("constructor", k)) {
                return hit(v, NODE, "Function constructor reached through constructor.constructor", i, k + 11);
            }
            i = s.indexOf("constructor", end);
        }
        // module.exports =
        if (Keywords.has(words, Keywords.MODULE) && (i = s.indexOf("module.exports")) >= 0) {
            int p = Scan.skipSpace(s, i + 14);
            if (p < n && s.charAt(p) == '=' && (p + 1 >= n || s.charAt(p + 1) != '=')) {
                return hit(v, NODE, "Node.js module.exports assignment", i, p + 1);
            }
        }
        // console.log(...)
        i = Keywords.has(words, Keywords.CONSOLE) ? s.indexOf("console.") : -1;
        while (i >= 0) {
            int w = Scan.wordEnd(s, i + 8);
            if ((i == 0 || !AsciiText.isWord(s.charAt(i - 1))) && w > i + 8 && isConsoleMethod(s.substring(i + 8, w))) {
                int p = w;
                if (p < n && (s.charAt(p) == '(' || s.charAt(p) == '.')) {
                    return hit(v, NODE, "JavaScript console call", i, p + 1);
                }
            }
            i = s.indexOf("console.", i + 8);
        }
        if (!paren) {
            return null;
        }
        // new Function(...), Function("...")
        i = Keywords.has(words, Keywords.FUNCTION_CTOR) ? s.indexOf("Function") : -1;
        while (i >= 0) {
            int end = i + 8;
            if (i == 0 || !AsciiText.isWord(s.charAt(i - 1))) {
                int p = Scan.skipSpace(s, end);
                if (p < n && s.charAt(p) == '(') {
                    int q = Scan.skipSpace(s, p + 1);
                    int b = Scan.skipSpaceBack(s, i - 1);
                    boolean isNew = b >= 2 && s.startsWith("new", b - 2) && b - 2 + 3 < i;
                    if (isNew || (q < n && (s.charAt(q) == '\'' || s.charAt(q) == '"' || s.charAt(q) == '`'))) {
                        return hit(v, NODE, "JavaScript Function constructor", isNew ? b - 2 : i, p + 1);
                    }
                }
            }
            i = s.indexOf("Function", end);
        }
        // function() {  /  function (a, b) {
        i = Keywords.has(words, Keywords.FUNCTION) ? s.indexOf("function") : -1;
        while (i >= 0) {
            int end = i + 8;
            if (i == 0 || !AsciiText.isWord(s.charAt(i - 1))) {
                int p = Scan.skipSpace(s, end);
                if (p < n && s.charAt(p) == '(') {
                    int close = Scan.indexOf(s, ')', p, 64);
                    if (close > 0 && close - p < 64 && isParameterList(s, p + 1, close)) {
                        int b = Scan.skipSpace(s, close + 1);
                        if (b < n && s.charAt(b) == '{') {
                            return hit(v, NODE, "JavaScript function literal", i, b + 1);
                        }
                    }
                }
            }
            i = s.indexOf("function", end);
        }
        // while(true);  for(;;)  — an endless loop
        i = Keywords.has(words, Keywords.WHILE) ? s.indexOf("while") : -1;
        while (i >= 0) {
            int end = i + 5;
            if (i == 0 || !AsciiText.isWord(s.charAt(i - 1))) {
                int p = Scan.skipSpace(s, end);
                if (p < n && s.charAt(p) == '(') {
                    int close = Scan.matching(s, p, ')', 48);
                    int after = close > 0 ? Scan.skipSpace(s, close + 1) : -1;
                    boolean prose = after > close + 1 && after < n && AsciiText.isLetter(s.charAt(after));
                    if (close > 0 && !prose && Truthiness.isTruthyConstant(s, p + 1, close)) {
                        return hit(v, NODE, "JavaScript endless loop", i, close + 1);
                    }
                }
            }
            i = s.indexOf("while", end);
        }
        return null;
    }

    private static boolean isParameterList(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!(AsciiText.isWord(c) || c == ',' || c == ' ' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isProcessMember(String m) {
        switch (m) {
            case "env":
            case "mainModule":
            case "binding":
            case "_linkedBinding":
            case "dlopen":
            case "kill":
            case "exit":
            case "abort":
            case "argv":
            case "execPath":
            case "chdir":
            case "setuid":
            case "setgid":
            case "getBuiltinModule":
            case "openStdin":
            case "stdout":
            case "umask":
                return true;
            default:
                return false;
        }
    }

    private static boolean isConsoleMethod(String m) {
        switch (m) {
            case "log":
            case "info":
            case "warn":
            case "error":
            case "debug":
            case "dir":
            case "trace":
            case "table":
                return true;
            default:
                return false;
        }
    }

    private static Detection others(Variant v, String s, boolean paren, int flags, int words) {
        int n = s.length();
        int i;
        // Perl: @{[ code ]} interpolation
        i = Chars.has(flags, Chars.AT) ? s.indexOf("@{") : -1;
        while (i >= 0) {
            int b = Scan.skipSpace(s, i + 2);
            if (b < s.length() && s.charAt(b) == '[') {
                return hit(v, SCRIPT, "Perl code interpolation", i, b + 1);
            }
            i = s.indexOf("@{", i + 2);
        }
        // Python: os.system(, os.popen(, subprocess.run(
        i = paren && Keywords.has(words, Keywords.OS) ? s.indexOf("os.") : -1;
        while (i >= 0) {
            int w = Scan.wordEnd(s, i + 3);
            if ((i == 0 || !AsciiText.isWord(s.charAt(i - 1)))
                    && w < n
                    && s.charAt(w) == '('
                    && isOsFunction(s.substring(i + 3, w))) {
                return hit(v, SCRIPT, "Python os call", i, w + 1);
            }
            i = s.indexOf("os.", i + 3);
        }
        i = Keywords.has(words, Keywords.SUBPROCESS) ? s.indexOf("subprocess.") : -1;
        if (i >= 0) {
            int w = Scan.wordEnd(s, i + 11);
            if (w > i + 11 && w < n && s.charAt(w) == '(') {
                return hit(v, SCRIPT, "Python subprocess call", i, w + 1);
            }
        }
        // Python object-graph escapes: __builtins__, __globals__, __subclasses__, .__class__.
        i = Keywords.has(words, Keywords.DUNDER) ? s.indexOf("__") : -1;
        while (i >= 0 && i + 2 < n) {
            int w = Scan.wordEnd(s, i + 2);
            if (w > i + 4 && s.charAt(w - 1) == '_' && s.charAt(w - 2) == '_') {
                switch (s.substring(i, w)) {
                    case "__builtins__":
                    case "__globals__":
                    case "__subclasses__":
                    case "__mro__":
                    case "__getattribute__":
                        return hit(v, SCRIPT, "Python object-graph escape", i, w);
                    case "__class__":
                    case "__base__":
                    case "__bases__":
                        if (w < n && s.charAt(w) == '.' && s.startsWith("__", w + 1)) {
                            return hit(v, SCRIPT, "Python object-graph escape", i, w + 3);
                        }
                        break;
                    default:
                        break;
                }
            }
            i = s.indexOf("__", Math.max(w, i + 2));
        }
        // Python deserialisation: pickle.loads(, marshal.loads(
        if (Keywords.has(words, Keywords.UNPICKLE)
                && ((i = s.indexOf("pickle.loads(")) >= 0 || (i = s.indexOf("marshal.loads(")) >= 0)) {
            return hit(v, SCRIPT, "Python unpickling", i, s.indexOf('(', i) + 1);
        }
        // Ruby: Process.spawn(, Kernel.exec, IO.popen(, Open3.capture2(, %x(
        i = Keywords.has(words, Keywords.RUBY) ? s.indexOf('.') : -1;
        int count = 0;
        while (i > 0 && count++ < 4096) {
            int start = i;
            while (start > 0 && i - start < 8 && AsciiText.isLetter(s.charAt(start - 1))) {
                start--;
            }
            char first = start < i ? s.charAt(start) : 0;
            if (first >= 'A' && first <= 'Z' && (start == 0 || !AsciiText.isWord(s.charAt(start - 1)))) {
                String receiver = s.substring(start, i);
                int w = Scan.wordEnd(s, i + 1);
                if (w > i + 1 && isRubyCall(receiver, s.substring(i + 1, w))) {
                    return hit(v, SCRIPT, "Ruby process or eval call", start, w);
                }
            }
            i = s.indexOf('.', i + 1);
        }
        i = Chars.has(flags, Chars.PERCENT) ? s.indexOf("%x") : -1;
        while (i >= 0 && i + 2 < n) {
            char c = s.charAt(i + 2);
            if (c == '(' || c == '{' || c == '[' || c == '|') {
                return hit(v, SCRIPT, "Ruby command literal", i, i + 3);
            }
            i = s.indexOf("%x", i + 2);
        }
        return null;
    }

    private static boolean isOsFunction(String f) {
        switch (f) {
            case "system":
            case "popen":
            case "execl":
            case "execle":
            case "execlp":
            case "execv":
            case "execve":
            case "execvp":
            case "spawnl":
            case "spawnv":
            case "spawnlp":
            case "spawnvp":
            case "fork":
            case "kill":
            case "remove":
            case "unlink":
            case "rmdir":
            case "listdir":
            case "getenv":
            case "putenv":
            case "setuid":
            case "chmod":
                return true;
            default:
                return false;
        }
    }

    private static boolean isRubyCall(String receiver, String method) {
        switch (receiver) {
            case "Process":
                return method.equals("spawn")
                        || method.equals("exec")
                        || method.equals("kill")
                        || method.equals("fork");
            case "Kernel":
                return method.equals("exec")
                        || method.equals("system")
                        || method.equals("spawn")
                        || method.equals("open")
                        || method.equals("eval")
                        || method.equals("fork")
                        || method.equals("syscall");
            case "IO":
                return method.equals("popen") || method.equals("sysopen");
            case "Open3":
                return method.startsWith("popen") || method.startsWith("capture") || method.equals("pipeline");
            case "ObjectSpace":
                return true;
            default:
                return false;
        }
    }

    private static Detection hit(Variant v, String rule, String title, int start, int end) {
        return new Detection(rule, title, Severity.HIGH, v, start, Math.max(start, end));
    }
}
