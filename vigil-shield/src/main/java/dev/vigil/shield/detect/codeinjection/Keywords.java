package dev.vigil.shield.detect.codeinjection;

import dev.vigil.shield.detect.AsciiText;

/**
 * One pass over the words of a text that records, as bits, which runtime names of Node.js, Python and Ruby it holds,
 * so {@link ScriptSyntax} only looks for the shapes whose names are present. Allocation-free.
 */
final class Keywords {

    static final int PROCESS = 1;
    static final int REQUIRE = 1 << 1;
    static final int CONSTRUCTOR = 1 << 2;
    static final int MODULE = 1 << 3;
    static final int CONSOLE = 1 << 4;
    static final int FUNCTION_CTOR = 1 << 5;
    static final int FUNCTION = 1 << 6;
    static final int WHILE = 1 << 7;
    static final int OS = 1 << 8;
    static final int SUBPROCESS = 1 << 9;
    static final int UNPICKLE = 1 << 10;
    static final int RUBY = 1 << 11;
    static final int CHILD_PROCESS = 1 << 12;
    static final int JS_FUNCTION = 1 << 13;
    static final int DUNDER = 1 << 14;

    private Keywords() {}

    static int of(String s) {
        int bits = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!AsciiText.isWord(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && AsciiText.isWord(s.charAt(i))) {
                i++;
            }
            bits |= word(s, start, i - start);
        }
        return bits;
    }

    /** The keyword bit of the word {@code [at, at + len)}, or 0. */
    static int word(String s, int at, int len) {
        switch (len) {
            case 2:
                return is(s, at, "os") ? OS : is(s, at, "IO") ? RUBY : 0;
            case 5:
                return is(s, at, "while") ? WHILE : is(s, at, "Open3") ? RUBY : 0;
            case 6:
                return is(s, at, "module") ? MODULE : is(s, at, "pickle") ? UNPICKLE : is(s, at, "Kernel") ? RUBY : 0;
            case 7:
                if (is(s, at, "process")) {
                    return PROCESS;
                }
                if (is(s, at, "require")) {
                    return REQUIRE;
                }
                if (is(s, at, "console")) {
                    return CONSOLE;
                }
                return is(s, at, "marshal") ? UNPICKLE : is(s, at, "Process") ? RUBY : 0;
            case 8:
                return is(s, at, "Function") ? FUNCTION_CTOR : is(s, at, "function") ? FUNCTION : 0;
            case 10:
                return is(s, at, "subprocess") ? SUBPROCESS : 0;
            case 11:
                return is(s, at, "constructor") ? CONSTRUCTOR : is(s, at, "ObjectSpace") ? RUBY : 0;
            case 13:
                return is(s, at, "child_process")
                        ? CHILD_PROCESS
                        : is(s, at, "__js_function") ? JS_FUNCTION : dunder(s, at, len);
            default:
                return dunder(s, at, len);
        }
    }

    private static int dunder(String s, int at, int len) {
        if (len > 4
                && s.charAt(at) == '_'
                && s.charAt(at + 1) == '_'
                && s.charAt(at + len - 1) == '_'
                && s.charAt(at + len - 2) == '_') {
            return DUNDER;
        }
        return 0;
    }

    private static boolean is(String s, int at, String word) {
        return s.startsWith(word, at);
    }

    static boolean has(int bits, int bit) {
        return (bits & bit) != 0;
    }
}
