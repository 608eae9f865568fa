package dev.vigil.shield.detect.cmdi;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;

/**
 * Detects OS command injection for POSIX sh/bash and Windows cmd/PowerShell: a command chained after a shell
 * separator, a command substitution, a reverse shell, Shellshock, an obfuscated command name, Windows batch syntax, a
 * value that is itself a command line, and a command handed to an exec function or an SSI {@code exec} directive.
 *
 * <p>A prefilter looks for the characters a shell attack needs ({@code ; | & ` $ < > ( =}, a line break, a
 * backslash) or a first word shaped like a command line; a value without them costs one pass over its characters and
 * no allocation. Otherwise {@link ShellJudge} reads each variant as the tail of a command line. One finding is
 * reported per value, the strongest over all variants.
 */
public final class CmdiDetector implements Detector {

    /** A known command after {@code ; | || & && newline}. */
    public static final String CHAIN = "VGL-CMDI-001";

    /** A command inside {@code $( )}, backticks or {@code <( )}. */
    public static final String SUBSTITUTION = "VGL-CMDI-002";

    /** A reverse or bind shell: {@code /dev/tcp}, {@code nc -e}, {@code bash -i}, an interpreter opening a socket. */
    public static final String REVERSE_SHELL = "VGL-CMDI-003";

    /** A Shellshock function definition, <code>() {</code> at the start of a value. */
    public static final String SHELLSHOCK = "VGL-CMDI-004";

    /** A command name hidden by quotes, backslashes, empty variables, {@code $IFS}, globs or brace expansion. */
    public static final String OBFUSCATED = "VGL-CMDI-005";

    /** Windows cmd or PowerShell: {@code cmd /c}, PowerShell cmdlets, batch {@code FOR ... DO} / {@code IF}. */
    public static final String WINDOWS = "VGL-CMDI-006";

    /** The value itself is a command line: a command with flags, absolute paths or a redirection. */
    public static final String COMMAND_LINE = "VGL-CMDI-007";

    /** A command passed to an exec function ({@code system('id')}) or an SSI {@code <!--#exec} directive. */
    public static final String EXEC_CALL = "VGL-CMDI-008";

    /** Trigger characters below 64 as a bit set: {@code ; & $ < > ( = ` } are handled apart. */
    private static final long LOW_TRIGGERS =
            1L << ';' | 1L << '&' | 1L << '$' | 1L << '<' | 1L << '>' | 1L << '(' | 1L << '=' | 1L << '\n' | 1L << '\r';

    /** Scratch judges, reused by each thread (a judge holds no state between values). */
    private static final ThreadLocal<ShellJudge> SCRATCH = new ThreadLocal<>();

    @Override
    public String id() {
        return "cmdi";
    }

    @Override
    public String category() {
        return "cmdi";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        ShellJudge judge = null;
        int bestRule = ShellJudge.NONE;
        int bestStart = 0;
        int bestEnd = 0;
        Variant bestVariant = null;
        for (Variant v : value.variants()) {
            String text = v.text();
            if (judge == null) {
                judge = SCRATCH.get();
                if (judge == null) {
                    judge = new ShellJudge();
                    SCRATCH.set(judge);
                }
            }
            if (!judge.load(text) && !startsLikeCommand(text, judge.chars()) && !isStandaloneCommand(text)) {
                continue;
            }
            int r = judge.scan(text);
            if (ShellJudge.rank(r) > ShellJudge.rank(bestRule)) {
                bestRule = r;
                bestStart = judge.start;
                bestEnd = Math.min(text.length(), judge.end);
                bestVariant = v;
                if (r == ShellJudge.REVERSE_SHELL || r == ShellJudge.SHELLSHOCK) {
                    break;
                }
            }
        }
        if (bestVariant != null) {
            sink.report(new Detection(
                    ruleId(bestRule), title(bestRule), severity(bestRule), bestVariant, bestStart, bestEnd));
        }
    }

    /**
     * The prefilter: whether {@code s} holds a shell metacharacter, or starts with a word shaped like a command line
     * (a path, quoting inside the word, or a word followed by a flag or a path).
     */
    static boolean mayHoldCommand(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 64) {
                if ((LOW_TRIGGERS >>> c & 1L) != 0) {
                    return true;
                }
            } else if (c == '|' || c == '`' || c == '\\') {
                return true;
            }
        }
        return startsLikeCommand(s, s.toCharArray()) || isStandaloneCommand(s);
    }

    /** Whether the whole value is a reconnaissance command that needs no argument ({@code whoami}). */
    private static boolean isStandaloneCommand(String s) {
        int n = s.length();
        if (n < 5 || n > 10) {
            return false;
        }
        switch (AsciiText.lower(s.charAt(0))) {
            case 'w':
                return n == 6 && AsciiText.regionMatchesLower(s, 0, "whoami");
            case 'i':
                return n == 8
                        && (AsciiText.regionMatchesLower(s, 0, "ifconfig")
                                || AsciiText.regionMatchesLower(s, 0, "ipconfig"));
            case 'u':
                return n == 5 && AsciiText.regionMatchesLower(s, 0, "uname");
            case 'n':
                return n == 7 && AsciiText.regionMatchesLower(s, 0, "netstat");
            case 's':
                return n == 10 && AsciiText.regionMatchesLower(s, 0, "systeminfo");
            case 't':
                return n == 8 && AsciiText.regionMatchesLower(s, 0, "tasklist");
            default:
                return false;
        }
    }

    private static boolean startsLikeCommand(String s, char[] a) {
        int n = s.length();
        int i = 0;
        while (i < n && (a[i] == ' ' || a[i] == '+')) {
            i++;
        }
        int limit = Math.min(n, i + 48);
        int k = i;
        boolean slash = false;
        for (; k < limit; k++) {
            char c = a[k];
            char d = k + 1 < n ? a[k + 1] : 0;
            if (c == '/') {
                if (AsciiText.isLetter(d) || d == '?' || d == '*' || d == '[' || d == '.' || d == '$') {
                    return true; // a path: /bin/ls, usr/bin/id, /???/c?t
                }
                slash = true;
            } else if (c == '\'' || c == '"') {
                if (k == i || (AsciiText.isLetter(d) && AsciiText.isLetter(a[k - 1]))) {
                    return true; // quoting inside a word: c'a't, 'i'fconfig
                }
            } else if (c == '{') {
                return true; // brace expansion
            } else if ((c == '?' || c == '*' || c == '[') && slash) {
                return true;
            } else if (!(AsciiText.isWord(c) || c == '-' || c == '.' || c == ':')) {
                break;
            }
        }
        if (k == i || k >= n || !(a[k] == ' ' || a[k] == '+' || a[k] == '\t')) {
            return false;
        }
        if (k - i <= 3 && (AsciiText.regionMatchesLower(s, i, "if") || AsciiText.regionMatchesLower(s, i, "for"))) {
            return true; // a batch IF or FOR statement
        }
        int firstLength = k - i;
        while (k < n && (a[k] == ' ' || a[k] == '+' || a[k] == '\t')) {
            k++;
        }
        if (k >= n) {
            return false;
        }
        char c = a[k];
        if (c == '-' || c == '/' || c == '~' || c == '.' || c == '%' || c == '\'' || c == '"') {
            return true;
        }
        if (AsciiText.isDigit(c)) {
            // sleep 5, ping 10.0.0.1, timeout 10
            return AsciiText.regionMatchesLower(s, i, "sleep")
                    || AsciiText.regionMatchesLower(s, i, "ping")
                    || AsciiText.regionMatchesLower(s, i, "timeout");
        }
        // a second word holding a path, a host or a file name: curl http://x, cat file.txt
        int second = Math.min(n, k + 64);
        for (int j = k; j < second; j++) {
            char x = a[j];
            if (x == '/' || x == ':' || x == '.' || x == '\\') {
                return true;
            }
            if (!(AsciiText.isWord(x) || x == '-')) {
                break;
            }
        }
        // a short value of a few words: a command and its arguments ("which nc", "net view")
        return n <= 40 && firstLength <= 16 && AsciiText.isLetter(c);
    }

    private static String ruleId(int rule) {
        switch (rule) {
            case ShellJudge.CHAIN:
                return CHAIN;
            case ShellJudge.SUBSTITUTION:
                return SUBSTITUTION;
            case ShellJudge.REVERSE_SHELL:
                return REVERSE_SHELL;
            case ShellJudge.SHELLSHOCK:
                return SHELLSHOCK;
            case ShellJudge.OBFUSCATED:
                return OBFUSCATED;
            case ShellJudge.WINDOWS:
                return WINDOWS;
            case ShellJudge.COMMAND_LINE:
                return COMMAND_LINE;
            default:
                return EXEC_CALL;
        }
    }

    private static String title(int rule) {
        switch (rule) {
            case ShellJudge.CHAIN:
                return "Shell command chained after a separator";
            case ShellJudge.SUBSTITUTION:
                return "Shell command substitution";
            case ShellJudge.REVERSE_SHELL:
                return "Reverse shell command";
            case ShellJudge.SHELLSHOCK:
                return "Shellshock function definition";
            case ShellJudge.OBFUSCATED:
                return "Obfuscated shell command";
            case ShellJudge.WINDOWS:
                return "Windows cmd or PowerShell command";
            case ShellJudge.COMMAND_LINE:
                return "Value is a shell command line";
            default:
                return "Command passed to an exec function or SSI directive";
        }
    }

    private static Severity severity(int rule) {
        switch (rule) {
            case ShellJudge.REVERSE_SHELL:
            case ShellJudge.SHELLSHOCK:
                return Severity.CRITICAL;
            case ShellJudge.COMMAND_LINE:
                return Severity.MEDIUM;
            default:
                return Severity.HIGH;
        }
    }
}
