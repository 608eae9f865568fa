package dev.vigil.shield.detect.cmdi;

import dev.vigil.shield.detect.AsciiText;

/**
 * The grammar: reads a value as the tail of a shell command line and decides whether it injects a command.
 *
 * <p>It finds command positions (the start of the value, and every boundary an attacker can use to end the intended
 * command: {@code ; | || & && newline}, a backtick, {@code $(}, {@code <(}, {@code >(}, an exec call such as
 * {@code system('}), reads the word found there with {@link ShellWord} (which removes quote, backslash, caret and
 * empty-variable obfuscation), resolves it to a command name (path to an executable directory, brace expansion, glob,
 * {@code .exe}, version suffix) and looks it up in {@link CommandTable}. A name that is also an English word is only
 * taken for a command when what follows is shell-shaped (end of command, a flag, a path, a redirection, a variable).
 * Quotes are not tracked across the value: the attacker may first close the quote the value is placed in, so every
 * boundary is tried whatever the quoting before it.
 *
 * <p>Work is linear: each character is looked at once by the boundary scan, at most {@value #MAX_BOUNDARIES}
 * boundaries are judged per text, and each judgement reads a bounded window.
 */
final class ShellJudge {

    static final int NONE = 0;
    static final int CHAIN = 1;
    static final int SUBSTITUTION = 2;
    static final int REVERSE_SHELL = 3;
    static final int SHELLSHOCK = 4;
    static final int OBFUSCATED = 5;
    static final int WINDOWS = 6;
    static final int COMMAND_LINE = 7;
    static final int EXEC_CALL = 8;

    /** The characters the boundary scan stops at, below 64 and from 64 to 127, as bit sets. */
    private static final long LOW = 1L << ';'
            | 1L << '&'
            | 1L << '\n'
            | 1L << '\r'
            | 1L << '$'
            | 1L << '<'
            | 1L << '>'
            | 1L << '('
            | 1L << '='
            | 1L << '"'
            | 1L << '\'';

    private static final long HIGH = 1L << ('|' - 64) | 1L << ('`' - 64) | 1L << ('\\' - 64);

    /** Most command boundaries judged in one text. */
    static final int MAX_BOUNDARIES = 256;

    // contexts a word is judged in
    private static final int AT_START = 0;
    private static final int AFTER_SEPARATOR = 1;
    private static final int IN_SUBSTITUTION = 2;

    // shapes of what follows a command word
    private static final int END = 1;
    private static final int FLAG = 2;
    private static final int PATH = 3;
    private static final int VAR = 4;
    private static final int QUOTE = 5;
    private static final int NUMBER = 6;
    private static final int FILE = 7;
    private static final int REDIRECT = 8;
    private static final int CMD = 9;
    private static final int SUBST = 10;
    private static final int PLAIN = 11;
    private static final int OTHER = 12;

    private final ShellWord word = new ShellWord();

    /** The text being scanned, copied once for the boundary scan (grown as needed, reused across variants). */
    private char[] chars = new char[128];

    private final ShellWord arg = new ShellWord();

    /** The rule found by the last {@link #scan}, one of the constants above. */
    int rule;

    /** Start of the finding in the scanned text. */
    int start;

    /** End of the finding in the scanned text. */
    int end;

    // the command resolved by the last resolve()
    private int flags;
    private boolean execDir;
    private boolean resolvedObfuscated;
    private int argFlags;
    private String name = "";

    /** Sensitive files an attacker spells with globs ({@code /etc/pa??wd}), space separated and padded. */
    private static final String SENSITIVE_FILES = " /etc/passwd /etc/shadow /etc/group /etc/hosts /etc/issue /bin/sh"
            + " /bin/bash /etc/sudoers /proc/self/environ /etc ";

    /**
     * Copies {@code s} into the reused character buffer (once per text; {@link #hasTrigger} and {@link #scan} then
     * read the buffer) and returns whether it holds a character the boundary scan or the prefilter stops at.
     */
    boolean load(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        char[] a = chars;
        s.getChars(0, n, a, 0);
        for (int i = 0; i < n; i++) {
            char c = a[i];
            if (c < 64) {
                if ((PREFILTER_LOW >>> c & 1L) != 0) {
                    return true;
                }
            } else if (c == '|' || c == '`' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The buffer {@link #load} copied the text into (valid up to the text's length). */
    char[] chars() {
        return chars;
    }

    /** Prefilter characters below 64: {@code ; & $ < > ( =} and line breaks. */
    private static final long PREFILTER_LOW =
            1L << ';' | 1L << '&' | 1L << '$' | 1L << '<' | 1L << '>' | 1L << '(' | 1L << '=' | 1L << '\n' | 1L << '\r';

    /** Scans {@code s}, which {@link #load} has just copied; returns the strongest rule found, or {@link #NONE}. */
    int scan(String s) {
        rule = NONE;
        int n = s.length();
        if (n == 0) {
            return NONE;
        }
        int budget = MAX_BOUNDARIES;
        char[] a = chars;
        judge(s, 0, AT_START, 0);
        boolean inBacktick = false;
        for (int i = 0; i < n && budget > 0; i++) {
            char c = a[i];
            if (c >= 128 || (c < 64 ? (LOW >>> c & 1L) == 0 : (HIGH >>> (c - 64) & 1L) == 0)) {
                continue;
            }
            switch (c) {
                case ';':
                case '|':
                case '&':
                case '\n':
                case '\r': {
                    int j = i + 1;
                    while (j < n && isSeparator(a[j])) {
                        j++;
                    }
                    if (c == '&' && j < n && a[j] == '#') {
                        i = j; // HTML numeric reference
                        break;
                    }
                    budget--;
                    judge(s, j, AFTER_SEPARATOR, i);
                    int b = skipBlanks(s, j, true);
                    if (isBatchStart(s, b)) {
                        judgeBatch(s, b, i);
                    }
                    i = j - 1;
                    break;
                }
                case '`':
                    if (inBacktick) {
                        inBacktick = false;
                    } else {
                        inBacktick = true;
                        budget--;
                        if (!isProseCodeSpan(s, i)) {
                            judge(s, i + 1, IN_SUBSTITUTION, i);
                        }
                    }
                    break;
                case '$':
                case '<':
                case '>':
                    if (c == '$' && isPhpCallExpansion(s, i)) {
                        found(EXEC_CALL, i, Math.min(n, i + 2));
                    } else if (i + 1 < n && a[i + 1] == '(' && (i + 2 >= n || a[i + 2] != '(')) {
                        budget--;
                        judge(s, i + 2, IN_SUBSTITUTION, i);
                    } else if (c == '<'
                            && i + 1 < n
                            && a[i + 1] == '!'
                            && AsciiText.regionMatchesLower(s, i, "<!--#exec")) {
                        found(EXEC_CALL, i, Math.min(n, i + 9));
                    } else if ((c == '>' || c == '<') && isDevTcp(s, i + 1)) {
                        found(REVERSE_SHELL, i, Math.min(n, i + 10));
                    }
                    break;
                case '\\':
                    if (i + 1 < n && (a[i + 1] == 'n' || a[i + 1] == 'r')) {
                        budget--;
                        int j = i + 2;
                        if (j + 1 < n && a[j] == '\\' && (a[j + 1] == 'n' || a[j + 1] == 'r')) {
                            j += 2;
                        }
                        judge(s, j, AFTER_SEPARATOR, i);
                    }
                    break;
                case '(':
                    if (isShellshock(s, i)) {
                        found(SHELLSHOCK, i, Math.min(n, i + 4));
                    } else if (isExecCall(s, i)) {
                        budget--;
                        int j = i + 1;
                        while (j < n && (a[j] == ' ' || a[j] == '\'' || a[j] == '"')) {
                            j++;
                        }
                        int before = rule;
                        judge(s, j, IN_SUBSTITUTION, i);
                        if (rule != before && rule == SUBSTITUTION) {
                            rule = EXEC_CALL;
                        }
                    }
                    break;
                case '"':
                case '\'':
                    if (i > 0 && a[i - 1] == '=' && i + 1 < n && AsciiText.isLetter(a[i + 1])) {
                        // the start of an attribute value: probe="..."
                        budget--;
                        judge(s, i + 1, AT_START, i + 1);
                    }
                    break;
                case '=':
                    if (isParameterStart(s, i)) {
                        budget--;
                        judge(s, i + 1, AT_START, i + 1);
                    }
                    break;
                default:
                    break;
            }
            if (rule == REVERSE_SHELL || rule == SHELLSHOCK) {
                break;
            }
        }
        return rule;
    }

    /** Ranks rules: a stronger finding replaces a weaker one. */
    static int rank(int r) {
        switch (r) {
            case REVERSE_SHELL:
            case SHELLSHOCK:
                return 9;
            case OBFUSCATED:
                return 8;
            case SUBSTITUTION:
                return 7;
            case CHAIN:
                return 6;
            case EXEC_CALL:
                return 5;
            case WINDOWS:
                return 4;
            case COMMAND_LINE:
                return 3;
            default:
                return 0;
        }
    }

    private void found(int r, int from, int to) {
        if (rank(r) > rank(rule)) {
            rule = r;
            start = from;
            end = Math.max(from, to);
        }
    }

    /** Judges the command word at {@code p} in context {@code ctx}; {@code at} is where the boundary starts. */
    private void judge(String s, int p, int ctx, int at) {
        int n = s.length();
        p = skipBlanks(s, p, true);
        if (p >= n) {
            return;
        }
        char c = s.charAt(p);
        if ((c == '(' || c == '{') && ctx != AT_START && p + 1 < n && (c == '(' || isBlank(s.charAt(p + 1)))) {
            p = skipBlanks(s, p + 1, true);
        } else if (c == '@' && ctx == AFTER_SEPARATOR) {
            p++;
        }
        if (p >= n) {
            return;
        }
        if (ctx == AT_START) {
            // the value may start by closing the quote it is placed in: ' whoami
            while (p + 1 < n
                    && (s.charAt(p) == '\'' || s.charAt(p) == '"')
                    && (isBlank(s.charAt(p + 1)) || indexWithin(s, s.charAt(p), p + 1, ShellWord.MAX) < 0)) {
                p = skipBlanks(s, p + 1, true);
            }
            if (p >= n) {
                return;
            }
            if (isBatchStart(s, p)) {
                judgeBatch(s, p, at);
            }
        }
        char first = s.charAt(p);
        if (AsciiText.isDigit(first)
                || first == '-'
                || first == '='
                || first == ','
                || (first == '.' && ctx == AT_START)) {
            return;
        }
        // fast path: a plain word followed by '=' is a parameter or an assignment (a=1&b=2), never a command
        char[] a = chars;
        int plain = p;
        int limit = Math.min(n, p + ShellWord.MAX);
        while (plain < limit && (AsciiText.isWord(a[plain]) || a[plain] == '-' || a[plain] == '.')) {
            plain++;
        }
        if (plain < n && plain > p && a[plain] == '=') {
            return;
        }
        if (plain > p && plain - p < ShellWord.MAX && endsPlainWord(a, plain, n) && !mayBeCommand(a, p, plain)) {
            // fast path: a plain word (no quoting, path or obfuscation) that no command name can be
            return;
        }
        word.read(s, p);
        boolean emptyVars = false;
        for (int k = 0; k < 3 && word.varOnly && word.end < n; k++) {
            // $u, $a: parameters an attacker leaves unset to split the command line
            emptyVars = true;
            word.read(s, skipBlanks(s, word.end, false));
        }
        if (word.len == 0 || word.tooLong) {
            return;
        }
        if (word.end < n && (s.charAt(word.end) == '=' || s.charAt(word.end) == '(')) {
            return; // an assignment or a parameter (&id=5), a function call
        }
        if (!resolve(word)) {
            if (word.glob
                    && word.len > 1
                    && word.buf[0] == '/'
                    && meaningfulGlob(word.buf, 0, word.len)
                    && globListMatch(SENSITIVE_FILES, word.text())) {
                found(OBFUSCATED, at, word.end);
            }
            return;
        }
        if (emptyVars) {
            resolvedObfuscated = true;
        }
        int q = word.end;
        if (q < n) {
            char after = s.charAt(q);
            if (after == '=' || after == '(') {
                return;
            }
        }
        int shape = shape(s, q);
        int cmdFlags = flags;
        if ((shape == PLAIN || shape == CMD || shape == QUOTE || name.equals("alias")) && isSubcommand(s, q)) {
            shape = FLAG; // net user, reg add, alias x=y
        }
        if (shape == CMD
                && (cmdFlags & CommandTable.WORD) != 0
                && (argFlags & CommandTable.TOOL) == 0
                && (cmdFlags & CommandTable.WRAPPER) == 0) {
            shape = PLAIN; // "more less", "time date": two English words
        }
        int r;
        boolean obfuscated = resolvedObfuscated;
        boolean tool = (flags & CommandTable.TOOL) != 0 || execDir;
        boolean shellArgs = shape == END
                || shape == FLAG
                || shape == PATH
                || shape == VAR
                || shape == QUOTE
                || shape == NUMBER
                || shape == FILE
                || shape == REDIRECT
                || shape == CMD
                || shape == SUBST;
        if (ctx == IN_SUBSTITUTION) {
            if (at < n && s.charAt(at) == '`' && (isQuotedIdentifier(s, q) || (at > 0 && s.charAt(at - 1) == '.'))) {
                return;
            }
            r = SUBSTITUTION;
        } else if (ctx == AFTER_SEPARATOR) {
            if (!(tool || obfuscated || shellArgs)) {
                return;
            }
            if (shape == END && !tool && !obfuscated && (isProseTail(s, at) || isWordList(s, q))) {
                return;
            }
            if (!obfuscated && !shellArgs && isProseTail(s, at)) {
                return; // "Hello,\nwhoami is a command", "I use bash; zsh is nicer"
            }
            r = CHAIN;
        } else {
            boolean strongArgs = shape == FLAG
                    || (shape == PATH && absolutePathAt(s, q))
                    || shape == REDIRECT
                    || shape == SUBST
                    || shape == VAR
                    || (shape == CMD
                            && (tool || (cmdFlags & CommandTable.WRAPPER) != 0 || (argFlags & CommandTable.TOOL) != 0))
                    || (shape == END && separatorEndsValue(s, q))
                    || (shape == END && (cmdFlags & CommandTable.STANDALONE) != 0)
                    || (shape == NUMBER && (cmdFlags & CommandTable.NUMERIC) != 0 && numberEndsCommand(s, q))
                    || ((shape == PLAIN || shape == NUMBER) && tool && flagAhead(s, q))
                    || (shape == QUOTE && at == 0 && redirectAhead(s, q));
            boolean toolArgs = tool && (shape == FILE || shape == PATH || shape == CMD);
            if (!(obfuscated || execDir || strongArgs || toolArgs)) {
                return;
            }
            r = COMMAND_LINE;
        }
        if (obfuscated) {
            r = OBFUSCATED;
        } else if ((flags & CommandTable.WINDOWS) != 0 && r != SUBSTITUTION) {
            r = WINDOWS;
        }
        if (isReverseShell(s, q)) {
            r = REVERSE_SHELL;
        }
        found(r, at, Math.max(q, p));
    }

    /**
     * Whether {@code a[q]} ends a word that {@link ShellWord} would read as written: end of text, a blank, a
     * separator, a parenthesis, a comment; not a quote, backslash, {@code $}, brace or a splitting empty substitution.
     */
    private static boolean endsPlainWord(char[] a, int q, int n) {
        if (q >= n) {
            return true;
        }
        switch (a[q]) {
            case ' ':
            case '\t':
            case '\n':
            case '\r':
            case 0x0B:
            case '\f':
            case ';':
            case '|':
            case '&':
            case ')':
            case '(':
            case '#':
            case '+':
            case 0:
                return true;
            case '<':
            case '>':
                return q + 1 >= n || a[q + 1] != '(';
            case '`':
                return q + 1 >= n || a[q + 1] != '`';
            default:
                return false;
        }
    }

    /**
     * Whether the plain word {@code a[from, to)} (word characters, {@code -} and {@code .}) may resolve to a table name
     * the way {@link #resolveName} reads it: as written, without {@code .exe}/{@code .com}, or without a version suffix.
     */
    private static boolean mayBeCommand(char[] a, int from, int to) {
        char first = AsciiText.lower(a[from]);
        int len = to - from;
        if (len > 4 && a[to - 4] == '.') {
            char x = AsciiText.lower(a[to - 3]);
            char y = AsciiText.lower(a[to - 2]);
            char z = AsciiText.lower(a[to - 1]);
            if ((x == 'e' && y == 'x' && z == 'e') || (x == 'c' && y == 'o' && z == 'm')) {
                to -= 4;
                len -= 4;
            }
        }
        if (CommandTable.mayBeName(first, len)) {
            return true;
        }
        int k = to;
        while (k > from + 1 && (AsciiText.isDigit(a[k - 1]) || a[k - 1] == '.')) {
            k--;
        }
        return k < to && CommandTable.mayBeName(first, k - from);
    }

    /** Whether the command just resolved, with the arguments from {@code q}, has a reverse-shell shape. */
    private boolean isReverseShell(String s, int q) {
        int f = flags;
        if ((f & (CommandTable.NETCAT | CommandTable.SHELL | CommandTable.INTERPRETER)) == 0) {
            return false;
        }
        int n = s.length();
        int limit = Math.min(n, q + 256);
        boolean socket = false;
        boolean flagged = false;
        for (int i = q; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ';' || c == '|' || c == '&' || c == '\n') {
                if ((f & CommandTable.INTERPRETER) == 0) {
                    break;
                }
            }
            if (c == '-' && i > q && isBlank(s.charAt(i - 1)) && i + 1 < limit && AsciiText.isLetter(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < limit && AsciiText.isLetter(s.charAt(j)) && j - i <= 6) {
                    char l = AsciiText.lower(s.charAt(j));
                    if ((f & CommandTable.NETCAT) != 0 && (l == 'e' || l == 'c')) {
                        return true;
                    }
                    if ((f & CommandTable.SHELL) != 0 && l == 'i') {
                        return true;
                    }
                    if ((f & CommandTable.INTERPRETER) != 0 && (l == 'c' || l == 'e' || l == 'r')) {
                        flagged = true;
                    }
                    j++;
                }
            }
            if ((c == 's' || c == 'S') && AsciiText.regionMatchesLower(s, i, "socket")) {
                socket = true;
            }
        }
        return flagged && socket;
    }

    /** Resolves {@link #word} to a known command; sets {@link #flags}, {@link #execDir}. */
    private boolean resolve(ShellWord w) {
        flags = 0;
        execDir = false;
        resolvedObfuscated = w.obfuscated || w.ifs;
        if (!w.braces) {
            return resolveName(w.buf, 0, w.len, w.glob);
        }
        // brace expansion: the command is the first non-empty word it expands to
        char[] b = w.buf;
        int open = -1;
        for (int k = 0; k < w.len; k++) {
            if (b[k] == '{') {
                open = k;
                break;
            }
        }
        int close = -1;
        int depth = 0;
        for (int k = open; k < w.len; k++) {
            if (b[k] == '{') {
                depth++;
            } else if (b[k] == '}' && --depth == 0) {
                close = k;
                break;
            }
        }
        if (open < 0 || close < 0) {
            return false;
        }
        char[] tmp = new char[ShellWord.MAX];
        int from = open + 1;
        for (int k = open + 1; k <= close; k++) {
            if (b[k] == ',' || k == close) {
                int len = 0;
                for (int x = 0; x < open; x++) {
                    tmp[len++] = b[x];
                }
                for (int x = from; x < k && len < tmp.length; x++) {
                    tmp[len++] = b[x];
                }
                for (int x = close + 1; x < w.len && len < tmp.length; x++) {
                    tmp[len++] = b[x];
                }
                from = k + 1;
                if (len == 0) {
                    continue;
                }
                if (k == close && from - 1 == close && open + 1 == close) {
                    return false; // "{}" is not an expansion
                }
                boolean hasComma = false;
                for (int x = open; x < close; x++) {
                    hasComma |= b[x] == ',';
                }
                if (!hasComma) {
                    return false;
                }
                boolean glob = false;
                for (int x = 0; x < len; x++) {
                    glob |= tmp[x] == '?' || tmp[x] == '*' || tmp[x] == '[';
                }
                resolvedObfuscated = true;
                return resolveName(tmp, 0, len, glob);
            }
        }
        return false;
    }

    private boolean resolveName(char[] b, int from, int to, boolean glob) {
        int slash = -1;
        for (int k = to - 1; k >= from; k--) {
            if (b[k] == '/') {
                slash = k;
                break;
            }
            if (b[k] == '\u0001' || b[k] == '{' || b[k] == '}' || b[k] == ',') {
                return false;
            }
        }
        int baseFrom = slash + 1 > from ? slash + 1 : from;
        int baseTo = to;
        if (baseTo - baseFrom > 4 && b[baseTo - 4] == '.') {
            if ((b[baseTo - 3] == 'e' && b[baseTo - 2] == 'x' && b[baseTo - 1] == 'e')
                    || (b[baseTo - 3] == 'c' && b[baseTo - 2] == 'o' && b[baseTo - 1] == 'm')) {
                baseTo -= 4;
            }
        }
        if (baseTo <= baseFrom || baseTo - baseFrom > 40) {
            return false;
        }
        boolean baseGlob = false;
        for (int k = baseFrom; k < baseTo; k++) {
            char c = b[k];
            if (c == '?' || c == '*' || c == '[' || c == ']') {
                baseGlob = true;
            } else if (!(AsciiText.isWord(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        if (baseGlob && !meaningfulGlob(b, baseFrom, baseTo)) {
            return false;
        }
        boolean windowsDir = false;
        if (slash >= from) {
            int dirLen = slash - from;
            if (dirLen == 0 || dirLen > 48) {
                return false;
            }
            windowsDir = b[from] == 'c' && dirLen > 1 && b[from + 1] == ':';
            char d0 = b[from];
            if (d0 != '/' && d0 != '.' && d0 != 'b' && d0 != 'u' && d0 != 's' && d0 != 'c' && !glob) {
                return false; // no executable directory starts so: mozilla/5.0, text/html
            }
            if (glob) {
                execDir = globListMatch(CommandTable.EXEC_DIRS, new String(b, from, dirLen));
            } else {
                execDir = listContains(CommandTable.EXEC_DIRS, b, from, dirLen);
            }
            if (!execDir && !listContains(" . /tmp /dev/shm ", b, from, dirLen)) {
                return false;
            }
        }
        if (!baseGlob && slash < from && !mayBeName(b, baseFrom, baseTo)) {
            return false; // no table name can match: skip building the String
        }
        String base = new String(b, baseFrom, baseTo - baseFrom);
        int f = 0;
        if (baseGlob) {
            if (globListMatch(CommandTable.GLOB_TARGETS, base)) {
                f = CommandTable.TOOL;
                resolvedObfuscated = true;
            }
        } else {
            f = CommandTable.kind(base);
            if (f == 0) {
                int k = baseTo;
                while (k > baseFrom + 1 && (AsciiText.isDigit(b[k - 1]) || b[k - 1] == '.')) {
                    k--;
                }
                if (k < baseTo) {
                    int g = CommandTable.kind(new String(b, baseFrom, k - baseFrom));
                    if ((g & CommandTable.VERSIONED) != 0) {
                        f = g;
                    }
                }
            }
        }
        if (windowsDir && (f & CommandTable.WINDOWS) == 0 && baseTo == to) {
            // C:\Windows\System32\ls is no program; a Unix name there needs its .exe
            return false;
        }
        if (f == 0 && slash >= from) {
            // any program run by path from an executable directory, or from a writable one
            f = CommandTable.TOOL;
            if (!execDir) {
                return false;
            }
        }
        flags = f;
        name = base;
        return f != 0;
    }

    /** {@link #mayBeCommand} for a lower-case base name already stripped of {@code .exe}/{@code .com}. */
    private static boolean mayBeName(char[] b, int from, int to) {
        if (CommandTable.mayBeName(b[from], to - from)) {
            return true;
        }
        int k = to;
        while (k > from + 1 && (AsciiText.isDigit(b[k - 1]) || b[k - 1] == '.')) {
            k--;
        }
        return k < to && CommandTable.mayBeName(b[from], k - from);
    }

    /** What follows a command word that ends at {@code q}. */
    private int shape(String s, int q) {
        argFlags = 0;
        int n = s.length();
        int r = skipBlanks(s, q, false);
        if (r >= n) {
            return END;
        }
        char c = s.charAt(r);
        char d = r + 1 < n ? s.charAt(r + 1) : 0;
        switch (c) {
            case ';':
            case '|':
            case '&':
            case '\n':
            case '\r':
            case ')':
            case '#':
            case '}':
                return END;
            case '`':
                return r == q ? END : SUBST;
            case '>':
            case '<':
                return REDIRECT;
            case '-':
                if (AsciiText.isLetter(d) || (d == '-' && r + 2 < n && AsciiText.isLetter(s.charAt(r + 2)))) {
                    return FLAG;
                }
                return OTHER;
            case '/':
                if (d == '/' || d == '>' || d == '<' || d == '=' || d == '"' || d == '\'') {
                    return OTHER;
                }
                return PATH;
            case '~':
                return PATH;
            case '.':
                return d == '/' || d == '.' ? PATH : OTHER;
            case '$':
                return d == '(' ? SUBST : VAR;
            case '%':
                return AsciiText.isLetter(d) ? VAR : OTHER;
            case '\'':
            case '"':
                return QUOTE;
            case '\\':
                if (d == 'n' || d == 'r') {
                    return END;
                }
                return d == '\\' ? PATH : OTHER;
            case '{':
                return VAR;
            default:
                break;
        }
        if (AsciiText.isDigit(c)) {
            // a count, a port, an address: digits, dots and colons up to a blank or the end of the command
            int k = r;
            while (k < n && (AsciiText.isDigit(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == ':')) {
                k++;
            }
            return k >= n || !AsciiText.isLetter(s.charAt(k)) ? NUMBER : PLAIN;
        }
        if (AsciiText.isLetter(c) && d == ':' && (r + 2 >= n || !AsciiText.isWord(s.charAt(r + 2)))) {
            return PATH; // c:\ c:/ c:
        }
        if (!AsciiText.isLetter(c)) {
            return OTHER;
        }
        arg.read(s, r);
        if (arg.len == 0) {
            return OTHER;
        }
        boolean dot = false;
        for (int k = 0; k < arg.len; k++) {
            char x = arg.buf[k];
            if (x == '/') {
                return PATH;
            }
            if (x == '.' && k + 1 < arg.len && AsciiText.isLetter(arg.buf[k + 1]) && k > 0) {
                dot = true;
            }
        }
        if (dot) {
            return FILE;
        }
        int a = arg.end < n ? s.charAt(arg.end) : 0;
        if (a == '=' && arg.end + 1 < n && (s.charAt(arg.end + 1) == '/' || s.charAt(arg.end + 1) == '~')) {
            return FLAG; // an operand naming a path: dd if=/etc/passwd
        }
        if (a != '=' && a != '(' && arg.len <= 24 && !arg.tooLong) {
            argFlags = CommandTable.kind(arg.text());
            if (argFlags != 0) {
                return CMD;
            }
        }
        if (a == '=' && flags != 0 && word.len == 5 && new String(word.buf, 0, 5).equals("alias")) {
            return VAR; // alias name=value
        }
        return PLAIN;
    }

    /** Whether a path that starts at or after {@code q} (past blanks) is absolute. */
    private static boolean absolutePathAt(String s, int q) {
        int r = skipBlanks(s, q, false);
        if (r >= s.length()) {
            return false;
        }
        char c = s.charAt(r);
        return c == '/'
                || c == '~'
                || c == '\\'
                || (AsciiText.isLetter(c) && r + 1 < s.length() && s.charAt(r + 1) == ':');
    }

    /**
     * Whether the separator at {@code at} ends a piece of prose ("Tom &amp; Jerry", "salt; pepper"): a lone
     * {@code &} or {@code ;} written with a blank after it, behind at least two words; or a line break after a line
     * of text or code.
     */
    private static boolean isProseTail(String s, int at) {
        int n = s.length();
        char c = s.charAt(at);
        if (c == '\n' || c == '\r') {
            // a line of text or code above: "{\n  id\n}", "Dear Sir,\ncat"
            int k = at - 1;
            while (k >= 0 && (isBlank(s.charAt(k)) || s.charAt(k) == '\n' || s.charAt(k) == '\r')) {
                k--;
            }
            if (k < 0) {
                return false;
            }
            char b = s.charAt(k);
            return AsciiText.isLetter(b)
                    || AsciiText.isDigit(b)
                    || b == '{'
                    || b == ','
                    || b == '('
                    || b == ':'
                    || b == '.';
        }
        if (c != '&' && c != ';') {
            return false;
        }
        if (at + 1 >= n || s.charAt(at + 1) != ' ' || at < 2) {
            return false;
        }
        if (s.charAt(at - 1) != ' ' && !(c == ';' && AsciiText.isLetter(s.charAt(at - 1)))) {
            return false;
        }
        int words = 0;
        boolean inWord = false;
        for (int k = at - 1; k >= 0 && k >= at - 40; k--) {
            char x = s.charAt(k);
            if (AsciiText.isLetter(x)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else if (x == ' ' || x == '&' || x == ',' || x == '\'' || x == '-') {
                inWord = false;
            } else {
                return false;
            }
        }
        return words >= 2;
    }

    /**
     * Whether the backtick at {@code i} opens a Markdown code span inside prose ("run `ls -la` to see"): preceded by a
     * blank that follows a letter or punctuation, and closed by a backtick that is followed by a blank, punctuation or
     * the end.
     */
    private static boolean isProseCodeSpan(String s, int i) {
        if (i < 2 || s.charAt(i - 1) != ' ') {
            return false;
        }
        char before = s.charAt(i - 2);
        if (!(AsciiText.isLetter(before) || before == ',' || before == ':' || before == '.')) {
            return false;
        }
        int n = s.length();
        int limit = Math.min(n, i + 200);
        for (int k = i + 1; k < limit; k++) {
            char c = s.charAt(k);
            if (c == '`') {
                if (k + 1 >= n) {
                    return true;
                }
                char a = s.charAt(k + 1);
                return a == ' ' || a == '.' || a == ',' || a == ':' || a == ')' || a == '\n' || a == '!' || a == '?';
            }
            if (c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** Shellshock: {@code () {} at the start of the value or of an assignment / header value. */
    private boolean isShellshock(String s, int i) {
        char[] a = chars;
        int n = s.length();
        if (i + 1 >= n || (a[i + 1] != ')' && a[i + 1] != ' ')) {
            return false;
        }
        int k = i - 1;
        while (k >= 0 && (a[k] == ' ' || a[k] == '\'' || a[k] == '"')) {
            k--;
        }
        if (k >= 0) {
            char b = a[k];
            if (b != '=' && b != ':') {
                return false;
            }
        }
        int j = i + 1;
        while (j < n && (a[j] == ' ' || a[j] == '\t')) {
            j++;
        }
        if (j >= n || a[j] != ')') {
            return false;
        }
        j++;
        while (j < n && j - i < 12 && (isBlank(a[j]) || a[j] == '.')) {
            j++;
        }
        return j < n && a[j] == '{';
    }

    /** Whether the {@code (} at {@code i} calls a function that runs a shell command (PHP, Python, Perl, Node). */
    private static boolean isExecCall(String s, int i) {
        if (i < 4) {
            return false;
        }
        switch (AsciiText.lower(s.charAt(i - 1))) {
            case 'm': // system
            case 'c': // exec, shell_exec, pcntl_exec, execsync, spawnsync
            case 'l': // eval, subprocess.call
            case 'u': // passthru
            case 'n': // popen, proc_open, spawn, subprocess.run
            case 't': // check_output, getoutput
                break;
            default:
                return false;
        }
        int k = i;
        while (k > 0 && k > i - 20 && (AsciiText.isWord(s.charAt(k - 1)) || s.charAt(k - 1) == '.')) {
            k--;
        }
        int len = i - k;
        if (len < 4) {
            return false;
        }
        for (String name : EXEC_FUNCTIONS) {
            int at = i - name.length();
            if (at >= k && AsciiText.regionMatchesLower(s, at, name) && (at == k || s.charAt(at - 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Functions that hand their argument to a shell (PHP, Python, Perl, Ruby, Node); matched at a word end. */
    private static final String[] EXEC_FUNCTIONS = {
        "system",
        "exec",
        "eval",
        "passthru",
        "shell_exec",
        "popen",
        "proc_open",
        "pcntl_exec",
        "execsync",
        "spawn",
        "spawnsync",
        "check_output",
        "getoutput",
        "subprocess.call",
        "subprocess.run"
    };

    /** Whether {@code /dev/tcp/} or {@code /dev/udp/} follows position {@code i} (past blanks and a digit). */
    private boolean isDevTcp(String s, int i) {
        char[] a = chars;
        int n = s.length();
        int limit = Math.min(n, i + 8);
        while (i < limit && (isBlank(a[i]) || AsciiText.isDigit(a[i]) || a[i] == '&')) {
            i++;
        }
        if (i + 9 > n || a[i] != '/') {
            return false;
        }
        return AsciiText.regionMatchesLower(s, i, "/dev/tcp/") || AsciiText.regionMatchesLower(s, i, "/dev/udp/");
    }

    /** Whether {@code =} at {@code i} ends a parameter name at the start of the value or after {@code &} / {@code ?}. */
    private boolean isParameterStart(String s, int i) {
        char[] a = chars;
        int k = i;
        while (k > 0 && k > i - 32 && (AsciiText.isWord(a[k - 1]) || a[k - 1] == '-')) {
            k--;
        }
        if (k == i) {
            return false;
        }
        return k == 0 || a[k - 1] == '&' || a[k - 1] == '?';
    }

    private boolean isBatchStart(String s, int p) {
        return BatchGrammar.startsStatement(s, p);
    }

    private void judgeBatch(String s, int p, int at) {
        int e = BatchGrammar.statementEnd(s, p, word);
        if (e > 0) {
            found(WINDOWS, at, e);
        }
    }

    /** Separator characters skipped after a boundary (and blanks between them). */
    private static boolean isSeparator(char c) {
        return c == ';' || c == '|' || c == '&' || c == '\n' || c == '\r';
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '+' || c == 0x0B || c == '\f';
    }

    /** Skips blanks, {@code +} (a form-encoded blank), {@code $IFS}-like expansions and, when asked, line breaks. */
    static int skipBlanks(String s, int p, boolean newlines) {
        int n = s.length();
        while (p < n) {
            char c = s.charAt(p);
            if (isBlank(c) || (newlines && (c == '\n' || c == '\r'))) {
                p++;
            } else if (c == '$') {
                int k = ShellWord.blankExpansionLength(s, p);
                if (k == 0) {
                    break;
                }
                p += k;
            } else if (newlines
                    && c == '\\'
                    && p + 1 < n
                    && (s.charAt(p + 1) == 'n' || s.charAt(p + 1) == 'r')
                    && (p + 2 >= n || !AsciiText.isLetter(s.charAt(p + 2)) || s.charAt(p + 2) == 'i')) {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    /** Whether the space-padded list holds the item {@code b[from, from + len)}. */
    static boolean listContains(String list, char[] b, int from, int len) {
        int n = list.length();
        int i = 1;
        while (i < n) {
            int j = list.indexOf(' ', i);
            if (j < 0) {
                return false;
            }
            if (j - i == len) {
                int k = 0;
                while (k < len && list.charAt(i + k) == b[from + k]) {
                    k++;
                }
                if (k == len) {
                    return true;
                }
            }
            i = j + 1;
        }
        return false;
    }

    /** Whether the glob {@code pattern} ({@code ?}, {@code *}, {@code [..]}) matches an item of the list. */
    static boolean globListMatch(String list, String pattern) {
        int n = list.length();
        int i = 0;
        while (i < n) {
            while (i < n && list.charAt(i) == ' ') {
                i++;
            }
            int j = i;
            while (j < n && list.charAt(j) != ' ') {
                j++;
            }
            if (j > i && globMatches(pattern, list, i, j)) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /**
     * Whether the shell glob {@code p} matches {@code t[from, to)}. Patterns and candidates are short (a path segment
     * against a table entry), and the star handling keeps one back-track point, so this is O(|p| x |t|) at worst.
     */
    static boolean globMatches(String p, String t, int from, int to) {
        int pi = 0;
        int ti = from;
        int starP = -1;
        int starT = -1;
        int pn = p.length();
        while (ti < to) {
            if (pi < pn) {
                char c = p.charAt(pi);
                if (c == '*') {
                    starP = pi++;
                    starT = ti;
                    continue;
                }
                int next = matchOne(p, pi, t.charAt(ti));
                if (next > 0) {
                    pi = next;
                    ti++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            ti = ++starT;
        }
        while (pi < pn && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == pn;
    }

    /** If the pattern element at {@code pi} matches {@code c}, the index after the element; else -1. */
    private static int matchOne(String p, int pi, char c) {
        char e = p.charAt(pi);
        if (e == '?') {
            return pi + 1;
        }
        if (e == '[') {
            int close = p.indexOf(']', pi + 2);
            if (close < 0) {
                return e == c ? pi + 1 : -1;
            }
            int k = pi + 1;
            boolean negate = k < close && (p.charAt(k) == '!' || p.charAt(k) == '^');
            if (negate) {
                k++;
            }
            boolean hit = false;
            for (; k < close; k++) {
                char lo = p.charAt(k);
                if (k + 2 < close && p.charAt(k + 1) == '-') {
                    hit |= c >= lo && c <= p.charAt(k + 2);
                    k += 2;
                } else {
                    hit |= c == lo;
                }
            }
            return hit != negate ? close + 1 : -1;
        }
        return e == c ? pi + 1 : -1;
    }

    /** A glob that names something: at least two literal characters, not a bare {@code *}. */
    private static boolean meaningfulGlob(char[] b, int from, int to) {
        int literal = 0;
        for (int k = from; k < to; k++) {
            if (AsciiText.isLetter(b[k])) {
                literal++;
            }
        }
        return literal >= 1 && (literal >= 2 || to - from <= 4);
    }

    /**
     * Whether the word list goes on after the separator that follows a command word at {@code q} with a plain word
     * that is no command ("mammal;cat;ears"): a list of words, not a command line.
     */
    private boolean isWordList(String s, int q) {
        int n = s.length();
        int r = skipBlanks(s, q, false);
        if (r >= n) {
            return false;
        }
        char c = s.charAt(r);
        if (c != ';' && c != '|' && c != '&' && c != ',') {
            return false;
        }
        r = skipBlanks(s, r + 1, false);
        if (r >= n || !AsciiText.isLetter(s.charAt(r))) {
            return false;
        }
        arg.read(s, r);
        if (arg.len == 0 || arg.tooLong || arg.len > 24) {
            return false;
        }
        for (int k = 0; k < arg.len; k++) {
            if (!AsciiText.isLetter(arg.buf[k])) {
                return false;
            }
        }
        return CommandTable.kind(arg.text()) == 0;
    }

    /** Whether the number after the command word at {@code q} ends the command ({@code sleep 5}). */
    private static boolean numberEndsCommand(String s, int q) {
        int n = s.length();
        int r = skipBlanks(s, q, false);
        while (r < n && (AsciiText.isDigit(s.charAt(r)) || s.charAt(r) == '.')) {
            r++;
        }
        r = skipBlanks(s, r, false);
        return r >= n || isSeparator(s.charAt(r)) || s.charAt(r) == '#' || s.charAt(r) == '`';
    }

    /** Whether an output redirection to a file follows within the command that continues at {@code q}. */
    private static boolean redirectAhead(String s, int q) {
        int n = s.length();
        int limit = Math.min(n, q + 256);
        char quote = 0;
        for (int k = q; k < limit; k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' || c == '|' || c == '&' || c == '\n') {
                return false;
            } else if (c == '>' && k > 0 && s.charAt(k - 1) != '-' && s.charAt(k - 1) != '=') {
                int r = k + 1;
                if (r < n && s.charAt(r) == '>') {
                    r++;
                }
                r = skipBlanks(s, r, false);
                return r < n && (AsciiText.isWord(s.charAt(r)) || s.charAt(r) == '/' || s.charAt(r) == '.');
            }
        }
        return false;
    }

    /** PHP complex syntax calling a function: <code>{${name(</code> or <code>${@name(</code>. */
    private static boolean isPhpCallExpansion(String s, int i) {
        int n = s.length();
        if (i + 2 >= n || s.charAt(i + 1) != '{') {
            return false;
        }
        int k = i + 2;
        boolean at = s.charAt(k) == '@';
        if (!at && (i == 0 || s.charAt(i - 1) != '{')) {
            return false;
        }
        if (at) {
            k++;
        }
        int startName = k;
        while (k < n && k - startName < 32 && AsciiText.isWord(s.charAt(k))) {
            k++;
        }
        return k > startName && k < n && s.charAt(k) == '(' && AsciiText.isLetter(s.charAt(startName));
    }

    /** Whether a flag ({@code -x}, {@code --xx}) or an absolute path follows within the command at {@code q}. */
    private static boolean flagAhead(String s, int q) {
        int n = s.length();
        int limit = Math.min(n, q + 128);
        for (int k = q; k + 1 < limit; k++) {
            char c = s.charAt(k);
            if (c == ';' || c == '|' || c == '&' || c == '\n') {
                return false;
            }
            if (isBlank(c)) {
                char d = s.charAt(k + 1);
                char e = k + 2 < n ? s.charAt(k + 2) : 0;
                if ((d == '-' && (AsciiText.isLetter(e) || e == '-')) || (d == '/' && AsciiText.isLetter(e))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the word after the command just resolved is one of its attack-typical subcommands ({@code net user},
     * {@code reg add}, {@code netsh firewall}) or, for {@code alias}, a definition {@code name=value}.
     */
    private boolean isSubcommand(String s, int q) {
        int n = s.length();
        int r = skipBlanks(s, q, false);
        if (name.equals("alias")) {
            for (int k = r; k < n && k - r < 40; k++) {
                char c = s.charAt(k);
                if (c == '=') {
                    return k > r;
                }
                if (c == ';' || c == '|' || c == '&' || c == '\n') {
                    return false;
                }
            }
            return false;
        }
        if (!(name.equals("net") || name.equals("reg") || name.equals("netsh") || name.equals("sc"))) {
            return false;
        }
        arg.read(s, r);
        if (arg.len == 0 || arg.len > 16) {
            return false;
        }
        switch (name + ' ' + arg.text()) {
            case "net user":
            case "net users":
            case "net localgroup":
            case "net group":
            case "net view":
            case "net share":
            case "net use":
            case "net session":
            case "net accounts":
            case "net config":
            case "net start":
            case "net stop":
            case "reg add":
            case "reg query":
            case "reg delete":
            case "reg save":
            case "reg export":
            case "reg import":
            case "netsh firewall":
            case "netsh advfirewall":
            case "netsh interface":
            case "netsh wlan":
            case "sc query":
            case "sc create":
            case "sc config":
            case "sc stop":
                return true;
            default:
                return false;
        }
    }

    /** Whether only separators (and blanks) follow the command word at {@code q}: "id;" as a whole value. */
    private static boolean separatorEndsValue(String s, int q) {
        int n = s.length();
        int r = skipBlanks(s, q, false);
        if (r >= n || !(s.charAt(r) == ';' || s.charAt(r) == '|' || s.charAt(r) == '&')) {
            return false;
        }
        while (r < n && (isSeparator(s.charAt(r)) || isBlank(s.charAt(r)))) {
            r++;
        }
        return r >= n;
    }

    /** Index of {@code c} in {@code s} from {@code from}, looking at most {@code max} characters ahead; -1 if none. */
    static int indexWithin(String s, char c, int from, int max) {
        int limit = Math.min(s.length(), from + max);
        for (int k = from; k < limit; k++) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether the backtick-quoted word that ends at {@code q} is a MySQL identifier ({@code `db`.`t`}, {@code `id`,
     * `name`}): a single word closed by a backtick that a dot or a comma follows.
     */
    private static boolean isQuotedIdentifier(String s, int q) {
        int n = s.length();
        return q + 1 < n && s.charAt(q) == '`' && (s.charAt(q + 1) == '.' || s.charAt(q + 1) == ',');
    }
}
