package dev.vigil.shield.detect.codeinjection;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * PHP-specific shapes: opening tags, superglobals, stream wrappers, variable functions and variable variables,
 * serialized objects, and {@code php.ini} directives.
 */
final class PhpSyntax {

    static final String OPEN_TAG = "VGL-CODE-001";
    static final String PHP_RUNTIME = "VGL-CODE-003";
    static final String SERIALIZED = "VGL-CODE-004";
    static final String INI = "VGL-CODE-007";

    private PhpSyntax() {}

    /** The strongest PHP finding in {@code v}, or null. */
    static Detection judge(Variant v, int flags) {
        String s = v.text();
        Detection d;
        if (Chars.has(flags, Chars.LT) && s.indexOf("<?") >= 0 && (d = openTag(v, s)) != null) {
            return d;
        }
        if (Chars.has(flags, Chars.CLOSE) && (d = blockTag(v, s)) != null) {
            return d;
        }
        if (Chars.has(flags, Chars.DOLLAR) && (d = variables(v, s)) != null) {
            return d;
        }
        if (Chars.has(flags, Chars.COLON)) {
            if (s.indexOf("://") >= 0 && (d = wrapper(v, s)) != null) {
                return d;
            }
            if (s.indexOf("data:") >= 0 && (d = dataScheme(v, s)) != null) {
                return d;
            }
            if (Chars.has(flags, Chars.QUOTE) && s.indexOf(":\"") >= 0 && (d = serialized(v, s)) != null) {
                return d;
            }
        }
        if (Chars.has(flags, Chars.PAREN) && (d = variableCall(v, s)) != null) {
            return d;
        }
        if (Chars.has(flags, Chars.EQ) && Chars.has(flags, Chars.UNDERSCORE | Chars.DOT)) {
            return iniDirective(v, s);
        }
        return null;
    }

    // <?php  <?=  <? code  and a short tag on an XML declaration that is not one (<?xml :echo 1;)
    private static Detection openTag(Variant v, String s) {
        int n = s.length();
        int i = s.indexOf("<?");
        while (i >= 0) {
            int k = i + 2;
            if (AsciiText.regionMatchesLower(s, k, "php")) {
                return tag(v, i, k + 3);
            }
            if (k < n && s.charAt(k) == '=') {
                int a = Scan.skipSpace(s, k + 1);
                if (a < n
                        && (s.charAt(a) == '$'
                                || s.charAt(a) == '"'
                                || s.charAt(a) == '\''
                                || AsciiText.isWord(s.charAt(a)))) {
                    return tag(v, i, k + 1);
                }
            }
            if (k < n && AsciiText.isSpace(s.charAt(k))) {
                int a = Scan.skipSpace(s, k);
                if (a < n && (s.charAt(a) == '$' || s.charAt(a) == '@')) {
                    return tag(v, i, a);
                }
                if (a < n && AsciiText.isLetter(s.charAt(a)) && isShortTagStatement(s, a)) {
                    return tag(v, i, a);
                }
            }
            if (AsciiText.regionMatchesLower(s, k, "xml") && k + 3 < n) {
                int a = Scan.skipSpace(s, k + 3);
                if (a < n && (s.charAt(a) == ':' || s.charAt(a) == '(' || s.charAt(a) == ';')) {
                    return tag(v, i, a + 1);
                }
            }
            i = s.indexOf("<?", i + 2);
        }
        return null;
    }

    /** Whether the word at {@code a} after {@code <? } starts a PHP statement: a call, an echo, an include. */
    private static boolean isShortTagStatement(String s, int a) {
        int n = s.length();
        int w = Scan.wordEnd(s, a);
        int next = Scan.skipSpace(s, w);
        if (next < n && (s.charAt(next) == '(' || s.charAt(next) == ';')) {
            return true;
        }
        switch (AsciiText.lower(s.substring(a, w))) {
            case "php":
            case "echo":
            case "print":
            case "include":
            case "include_once":
            case "require":
            case "require_once":
            case "eval":
            case "system":
            case "exec":
            case "passthru":
            case "foreach":
            case "if":
            case "die":
            case "exit":
                return true;
            default:
                return false;
        }
    }

    /** A PHP block tag of template engines and forum markup: [php], {php}, [/php], {/php}. */
    private static Detection blockTag(Variant v, String s) {
        int i = AsciiText.indexOfIgnoreCase(s, "php", 0);
        while (i >= 0) {
            int b = i - 1;
            if (b >= 0 && (s.charAt(b) == '/' || s.charAt(b) == '\\')) {
                b--;
            }
            int e = i + 3;
            if (b >= 0 && e < s.length()) {
                char open = s.charAt(b);
                char close = s.charAt(e);
                if ((open == '[' && close == ']') || (open == '{' && close == '}')) {
                    return tag(v, b, e + 1);
                }
            }
            i = AsciiText.indexOfIgnoreCase(s, "php", i + 3);
        }
        return null;
    }

    private static Detection tag(Variant v, int start, int end) {
        return new Detection(OPEN_TAG, "PHP opening tag with code", Severity.HIGH, v, start, end);
    }

    // $_GET[...], $GLOBALS, $HTTP_RAW_POST_DATA; ${'a'} and $ {$a} variable variables; $f(...) variable functions
    private static Detection variables(Variant v, String s) {
        int n = s.length();
        int i = s.indexOf('$');
        int count = 0;
        while (i >= 0 && count++ < 4096) {
            int k = i + 1;
            if (k < n && s.charAt(k) == '_') {
                int w = upperEnd(s, k + 1);
                if (w > k + 1 && isSuperglobal(s.substring(k + 1, w)) && (w >= n || !AsciiText.isWord(s.charAt(w)))) {
                    return runtime(v, "PHP superglobal", i, w);
                }
            } else if (s.startsWith("GLOBALS", k) || s.startsWith("HTTP_RAW_POST_DATA", k)) {
                return runtime(v, "PHP superglobal", i, k + 7);
            }
            // variable variable: ${'x'}, ${"x"}, ${$a}, $ {...}
            int b = k;
            while (b < n && b - k < 32 && s.charAt(b) == ' ') {
                b++;
            }
            if (b < n && s.charAt(b) == '{') {
                int a = Scan.skipSpace(s, b + 1);
                if (a < n) {
                    char c = s.charAt(a);
                    if (c == '\''
                            || c == '"'
                            || c == '$'
                            || c == '@'
                            || (b > k && (AsciiText.isLetter(c) || c == '_'))) {
                        return runtime(v, "PHP variable variable", i, a + 1);
                    }
                    int close = Scan.matching(s, b, '}', 64);
                    if (close > a) {
                        int p = Scan.skipSpace(s, close + 1);
                        if (p < n && s.charAt(p) == '(') {
                            return runtime(v, "PHP variable function call", i, p + 1);
                        }
                    }
                }
            }
            // variable function: $f(...), $$f(...), $a[..](...)
            int d = k;
            while (d < n && d - k < 4 && s.charAt(d) == '$') {
                d++;
            }
            if (d < n && (AsciiText.isLetter(s.charAt(d)) || s.charAt(d) == '_')) {
                int w = Scan.wordEnd(s, d);
                int p = w;
                int groups = 0;
                boolean empty = false;
                while (groups++ < 4) {
                    int q = Scan.skipSpaceAndComments(s, p, 64);
                    if (q < 0 || q >= n || (s.charAt(q) != '[' && s.charAt(q) != '{')) {
                        break;
                    }
                    int close = Scan.matching(s, q, s.charAt(q) == '[' ? ']' : '}', 64);
                    if (close < 0) {
                        break;
                    }
                    empty |= close == q + 1;
                    p = close + 1;
                }
                p = Scan.skipSpaceAndComments(s, p, 64);
                if (!empty && p >= 0 && p < n && s.charAt(p) == '(' && (i == 0 || !AsciiText.isWord(s.charAt(i - 1)))) {
                    int a = Scan.skipSpace(s, p + 1);
                    if (a < n && s.charAt(a) != ' ') {
                        return runtime(v, "PHP variable function call", i, p + 1);
                    }
                }
            }
            i = s.indexOf('$', i + 1);
        }
        return null;
    }

    private static boolean isSuperglobal(String name) {
        switch (name) {
            case "GET":
            case "POST":
            case "REQUEST":
            case "COOKIE":
            case "SERVER":
            case "FILES":
            case "ENV":
            case "SESSION":
                return true;
            default:
                return false;
        }
    }

    private static int upperEnd(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && i - from < 16 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
            i++;
        }
        return i;
    }

    private static Detection runtime(Variant v, String title, int start, int end) {
        return new Detection(PHP_RUNTIME, title, Severity.HIGH, v, start, end);
    }

    // php://input, phar://, expect://, zlib://, data://
    private static Detection wrapper(Variant v, String s) {
        int i = s.indexOf("://");
        while (i >= 0) {
            int start = i;
            while (start > 0 && i - start < 12 && AsciiText.isLetter(s.charAt(start - 1))) {
                start--;
            }
            if (start < i && (start == 0 || !AsciiText.isWord(s.charAt(start - 1)))) {
                String scheme = AsciiText.lower(s.substring(start, i));
                int after = i + 3;
                boolean hit;
                switch (scheme) {
                    case "php":
                        hit = after < s.length() && AsciiText.isLetter(s.charAt(after));
                        break;
                    case "phar":
                    case "expect":
                    case "zlib":
                    case "compress.zlib":
                    case "glob":
                        hit = after < s.length();
                        break;
                    case "data":
                        hit = AsciiText.regionMatchesLower(s, after, "text/");
                        break;
                    default:
                        hit = false;
                }
                if (hit) {
                    return runtime(v, "PHP stream wrapper", start, after);
                }
            }
            i = s.indexOf("://", i + 3);
        }
        return null;
    }

    // data:text/plain;base64,... : the data: wrapper that include() reads code from
    private static Detection dataScheme(Variant v, String s) {
        int i = s.indexOf("data:");
        while (i >= 0) {
            if ((i == 0 || !AsciiText.isWord(s.charAt(i - 1)))
                    && (AsciiText.regionMatchesLower(s, i + 5, "text/plain")
                            || AsciiText.regionMatchesLower(s, i + 5, "application/x-httpd-php"))) {
                return runtime(v, "PHP data: stream wrapper", i, i + 5);
            }
            i = s.indexOf("data:", i + 5);
        }
        return null;
    }

    // O:8:"stdClass":1:{...}  C:11:"ArrayObject":...  with the class name length checked
    private static Detection serialized(Variant v, String s) {
        int n = s.length();
        int i = s.indexOf(":\"");
        while (i >= 0) {
            // walk back over the length digits to the type letter
            int d = i - 1;
            while (d >= 0 && i - d <= 4 && AsciiText.isDigit(s.charAt(d))) {
                d--;
            }
            if (d >= 1
                    && d < i - 1
                    && s.charAt(d) == ':'
                    && (s.charAt(d - 1) == 'O' || s.charAt(d - 1) == 'C')
                    && (d < 2 || !AsciiText.isWord(s.charAt(d - 2)))) {
                int len = parse(s, d + 1, i);
                int nameEnd = i + 2 + len;
                if (len > 0
                        && nameEnd + 3 < n
                        && s.charAt(nameEnd) == '"'
                        && s.charAt(nameEnd + 1) == ':'
                        && isClassName(s, i + 2, nameEnd)) {
                    int m = nameEnd + 2;
                    while (m < n && m - nameEnd < 8 && AsciiText.isDigit(s.charAt(m))) {
                        m++;
                    }
                    if (m > nameEnd + 2 && m + 1 < n && s.charAt(m) == ':' && s.charAt(m + 1) == '{') {
                        return new Detection(SERIALIZED, "PHP serialized object", Severity.HIGH, v, d - 1, m + 2);
                    }
                }
            }
            i = s.indexOf(":\"", i + 2);
        }
        return null;
    }

    private static int parse(String s, int from, int to) {
        int value = 0;
        for (int k = from; k < to; k++) {
            value = value * 10 + (s.charAt(k) - '0');
        }
        return value;
    }

    private static boolean isClassName(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!(AsciiText.isWord(c) || c == '\\')) {
                return false;
            }
        }
        return true;
    }

    // (system)('uname'), ($y)('uname'), (x)/*c*/('uname'), (z)[0][0]('uname'), "sys"."tem"('uname')
    private static Detection variableCall(Variant v, String s) {
        int n = s.length();
        int i = s.indexOf('(');
        int count = 0;
        while (i >= 0 && count++ < 4096) {
            char before = i > 0 ? s.charAt(i - 1) : 0;
            int prev = Scan.skipSpaceBack(s, i - 1);
            char p = prev >= 0 ? s.charAt(prev) : 0;
            if (p == ')' || p == ']' || p == '/') {
                int a = Scan.skipSpace(s, i + 1);
                if (a < n && (s.charAt(a) == '\'' || s.charAt(a) == '"')) {
                    int close = Scan.indexOf(s, s.charAt(a), a + 1, 64);
                    if (close > a + 1 && close - a < 64) {
                        int r = Scan.skipSpace(s, close + 1);
                        if (r < n && s.charAt(r) == ')' && isCalleeGroup(s, prev)) {
                            return runtime(v, "PHP variable function call", Math.max(0, prev), r + 1);
                        }
                    }
                }
            }
            if ((before == '\'' || before == '"' || p == '\'' || p == '"') && concatenatedCall(s, prev)) {
                return runtime(v, "PHP call of a concatenated function name", Math.max(0, prev), i + 1);
            }
            i = s.indexOf('(', i + 1);
        }
        return null;
    }

    /** Whether the group ending at {@code end} ({@code )} or {@code ]} or a comment) holds a name or variable. */
    private static boolean isCalleeGroup(String s, int end) {
        int k = end;
        // step back over a trailing comment
        if (s.charAt(k) == '/' && k >= 1 && s.charAt(k - 1) == '*') {
            int open = Scan.lastIndexOf(s, '*', k - 2, 64);
            while (open > 0 && s.charAt(open - 1) != '/') {
                open = Scan.lastIndexOf(s, '*', open - 1, 64 - (k - open));
            }
            open = open > 0 ? open - 1 : -1;
            if (open < 0 || k - open > 64) {
                return false;
            }
            k = Scan.skipSpaceBack(s, open - 1);
            if (k < 0) {
                return false;
            }
        }
        // step back over [0][0] indexes
        int guard = 0;
        while (k >= 0 && s.charAt(k) == ']' && guard++ < 4) {
            int open = Scan.lastIndexOf(s, '[', k, 64);
            if (open < 0 || k - open > 64) {
                return false;
            }
            k = open - 1;
            if (k >= 0 && s.charAt(k) != ']' && s.charAt(k) != ')') {
                return true; // name[0]( or array literal
            }
        }
        if (k < 0 || s.charAt(k) != ')') {
            return k >= 0 && s.charAt(k) == ']';
        }
        int open = Scan.lastIndexOf(s, '(', k, 64);
        if (open < 0 || k - open > 64) {
            return false;
        }
        String inner = s.substring(open + 1, k).trim();
        if (inner.isEmpty()) {
            return false;
        }
        for (int m = 0; m < inner.length(); m++) {
            char c = inner.charAt(m);
            if (!(AsciiText.isWord(c) || c == '$' || c == '"' || c == '\'' || c == '.' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the quoted strings joined by {@code .} that end at {@code end} spell a function of interest. */
    private static boolean concatenatedCall(String s, int end) {
        if (end < 0) {
            return false;
        }
        StringBuilder name = new StringBuilder();
        int k = end;
        int parts = 0;
        while (k >= 0 && parts < 8) {
            char q = s.charAt(k);
            if (q != '\'' && q != '"') {
                break;
            }
            int open = Scan.lastIndexOf(s, q, k - 1, 32);
            if (open < 0 || k - open > 32) {
                return false;
            }
            name.insert(0, s, open + 1, k);
            parts++;
            int dot = Scan.skipSpaceBack(s, open - 1);
            if (dot < 0 || s.charAt(dot) != '.') {
                break;
            }
            k = Scan.skipSpaceBack(s, dot - 1);
        }
        if (parts < 2 || name.length() > 40) {
            return false;
        }
        return FunctionNames.kind(AsciiText.lower(name.toString())) != FunctionNames.NONE;
    }

    // allow_url_include=On, opcache.jit=..., mbstring.regex_retry_limit=true at the start of a value or line
    private static Detection iniDirective(Variant v, String s) {
        int n = s.length();
        int i = 0;
        int lines = 0;
        while (i < n && lines++ < 256) {
            int start = Scan.skipSpace(s, i);
            int end = start;
            while (end < n && end - start < 64 && (AsciiText.isWord(s.charAt(end)) || s.charAt(end) == '.')) {
                end++;
            }
            int eq = Scan.skipSpace(s, end);
            if (end > start + 3
                    && eq < n
                    && s.charAt(eq) == '='
                    && hasSeparator(s, start, end)
                    && isIniDirective(AsciiText.lower(s.substring(start, end)))) {
                return new Detection(INI, "PHP configuration directive", Severity.MEDIUM, v, start, eq + 1);
            }
            int next = nextDirectiveStart(s, i);
            if (next < 0) {
                break;
            }
            i = next + 1;
        }
        return null;
    }

    /** Whether the name has the {@code _} or {@code .} every listed directive has. */
    private static boolean hasSeparator(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (s.charAt(k) == '_' || s.charAt(k) == '.') {
                return true;
            }
        }
        return false;
    }

    /** The next place a directive may start after {@code from}: after a line break, {@code &}, {@code ;} or a quote. */
    private static int nextDirectiveStart(String s, int from) {
        int n = s.length();
        for (int k = from; k < n; k++) {
            char c = s.charAt(k);
            if (c == '\n' || c == '&' || c == '"' || c == '\'' || c == ';') {
                return k;
            }
        }
        return -1;
    }

    private static boolean isIniDirective(String name) {
        switch (name) {
            case "allow_url_include":
            case "allow_url_fopen":
            case "auto_prepend_file":
            case "auto_append_file":
            case "disable_functions":
            case "disable_classes":
            case "open_basedir":
            case "memory_limit":
            case "max_execution_time":
            case "unserialize_max_depth":
            case "display_errors":
            case "error_reporting":
            case "log_errors":
            case "error_log":
            case "extension_dir":
            case "include_path":
            case "sendmail_path":
            case "upload_tmp_dir":
            case "file_uploads":
            case "short_open_tag":
            case "register_globals":
            case "safe_mode":
            case "expose_php":
            case "enable_dl":
            case "post_max_size":
            case "upload_max_filesize":
            case "max_input_vars":
            case "doc_root":
            case "user_dir":
            case "serialize_precision":
                return true;
            default:
                break;
        }
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return false;
        }
        switch (name.substring(0, dot)) {
            case "opcache":
            case "mbstring":
            case "session":
            case "pcre":
            case "zend":
            case "xdebug":
            case "phar":
            case "assert":
            case "mysqli":
            case "pdo_mysql":
            case "sqlite3":
            case "openssl":
            case "zlib":
            case "soap":
            case "ldap":
            case "iconv":
            case "intl":
            case "filter":
            case "highlight":
            case "url_rewriter":
            case "user_ini":
            case "cli_server":
            case "apc":
            case "cgi":
            case "fastcgi":
            case "realpath_cache_size":
                return true;
            default:
                return false;
        }
    }
}
