package dev.vigil.shield.detect.cmdi;

import dev.vigil.shield.detect.AsciiText;

/**
 * Reads one shell word the way sh/bash and cmd would after removing quoting, and keeps it lower-cased in a small
 * buffer: quotes are removed ({@code c'a't}, {@code w"h"oami}), backslash escapes are resolved ({@code c\at}), cmd
 * carets dropped ({@code w^hoami}), parameter expansions that are empty in practice dropped ({@code $u}, {@code $@},
 * {@code $9}, <code>${x}</code>), and {@code $IFS}/<code>${IFS}</code> end the word like a blank does. Brace
 * expansion characters are kept for {@link ShellJudge} to expand. A word that starts like a Windows path
 * ({@code c:\}, {@code \\host}) keeps its backslashes as path separators, written {@code /}.
 *
 * <p>One instance is made per inspected value (only after the prefilter matched) and reused for every word.
 */
final class ShellWord {

    /** Longest word kept; longer ones are never command names. */
    static final int MAX = 64;

    final char[] buf = new char[MAX];

    /** Characters in {@link #buf}. */
    int len;

    /** Where the word ends in the text (the first character not read). */
    int end;

    /** Quoting, escapes or empty expansions were removed from inside the word. */
    boolean obfuscated;

    /** The word holds glob characters ({@code ? * [}). */
    boolean glob;

    /** The word holds brace expansion ({@code {a,b}}). */
    boolean braces;

    /** The word was ended by {@code $IFS}. */
    boolean ifs;

    /** The word was longer than {@link #MAX}. */
    boolean tooLong;

    /** The word is only a parameter expansion ({@code $a}), e.g. a command name held in a variable. */
    boolean varOnly;

    /** Reads the word starting at {@code i} in {@code s}; returns {@link #end}. */
    int read(String s, int i) {
        len = 0;
        obfuscated = false;
        glob = false;
        braces = false;
        ifs = false;
        tooLong = false;
        varOnly = false;
        boolean pending = false;
        boolean sawVar = false;
        int depth = 0;
        int n = s.length();
        boolean winPath = isWindowsPathStart(s, i);
        while (i < n && !full()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int close = ShellJudge.indexWithin(s, c, i + 1, MAX);
                if (close < 0) {
                    break;
                }
                pending = true;
                for (int j = i + 1; j < close; j++) {
                    char q = s.charAt(j);
                    if (c == '"' && q == '$') {
                        int skip = expansionLength(s, j, close);
                        if (skip > 0) {
                            j += skip - 1;
                            pending = len > 0;
                            continue;
                        }
                    }
                    if (AsciiText.isSpace(q)) {
                        // a quoted blank belongs to the word; a command name never holds one
                        append('\u0001');
                    } else {
                        append(q);
                    }
                }
                i = close + 1;
                continue;
            }
            if (c == '\\') {
                if (winPath) {
                    append('/');
                    i++;
                    continue;
                }
                if (i + 1 >= n) {
                    i++;
                    break;
                }
                char next = s.charAt(i + 1);
                if (next == '`') {
                    break;
                }
                if (next == '\n') {
                    i += 2;
                    continue;
                }
                if ((next == 'n' || next == 'r' || next == 't')
                        && (i + 2 >= n || !AsciiText.isLetter(s.charAt(i + 2)))) {
                    // a literal "\n" written for a line break ends the word
                    break;
                }
                pending = true;
                if (next == ' ' || next == '\t') {
                    append('\u0001');
                } else {
                    append(next);
                }
                i += 2;
                continue;
            }
            if (c == '`' && i + 1 < n && s.charAt(i + 1) == '`') {
                // an empty command substitution splits a word: pi``ng
                pending = true;
                i += 2;
                continue;
            }
            if ((c == '$' || c == '<' || c == '>')
                    && i + 2 < n
                    && s.charAt(i + 1) == '('
                    && s.charAt(i + 2) == ')'
                    && len > 0) {
                // an empty substitution splits a word: pi$()ng, pi>()ng
                pending = true;
                i += 3;
                continue;
            }
            if (c == '$') {
                if (i + 2 < n && s.charAt(i + 1) == '(' && s.charAt(i + 2) == ')') {
                    pending = true;
                    i += 3;
                    continue;
                }
                if (i + 1 < n && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                    // $'...' and $"..." quoting
                    pending = true;
                    i++;
                    continue;
                }
                if (isIfs(s, i)) {
                    ifs = true;
                    break;
                }
                int skip = expansionLength(s, i, n);
                if (skip > 0) {
                    sawVar = true;
                    if (len > 0) {
                        pending = true;
                    }
                    i += skip;
                    continue;
                }
                if (i + 1 < n && s.charAt(i + 1) == '(') {
                    break;
                }
                append(c);
                i++;
                continue;
            }
            if (c == '^' && i + 1 < n && AsciiText.isLetter(s.charAt(i + 1)) && len > 0) {
                pending = true;
                i++;
                continue;
            }
            if (c == '{') {
                braces = true;
                depth++;
                append(c);
                i++;
                continue;
            }
            if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
                append(c);
                i++;
                continue;
            }
            if ((c == ',' || c == '#') && depth > 0) {
                append(c);
                i++;
                continue;
            }
            if (isTerminator(c)) {
                break;
            }
            if (c == '?' || c == '*' || c == '[') {
                glob = true;
            }
            if (pending) {
                obfuscated = true;
                pending = false;
            }
            append(c);
            i++;
        }
        varOnly = len == 0 && sawVar;
        end = i;
        return i;
    }

    /** The word as a string (allocates). */
    String text() {
        return new String(buf, 0, len);
    }

    private void append(char c) {
        if (len < MAX) {
            buf[len++] = AsciiText.lower(c);
        } else {
            tooLong = true;
        }
    }

    /** Whether the word is already too long to be a command name; reading stops there. */
    private boolean full() {
        return tooLong;
    }

    /** Characters that end an unquoted word. */
    static boolean isTerminator(char c) {
        switch (c) {
            case ' ':
            case '\t':
            case '\n':
            case '\r':
            case 0x0B:
            case '\f':
            case ';':
            case '|':
            case '&':
            case '<':
            case '>':
            case '(':
            case ')':
            case '`':
            case '+':
            case '=':
            case '#':
            case 0:
                return true;
            default:
                return false;
        }
    }

    /** Whether {@code $IFS} or <code>${IFS...}</code> starts at {@code i}. */
    static boolean isIfs(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '{') {
            j++;
        }
        return AsciiText.regionMatchesLower(s, j, "ifs")
                && (j + 3 >= s.length() || !AsciiText.isWord(s.charAt(j + 3)) || s.charAt(i + 1) == '{');
    }

    /**
     * Length of a parameter expansion at {@code i} ({@code $name}, {@code $9}, {@code $@}, {@code $*},
     * <code>${...}</code>) that ends before {@code limit}, or 0 when there is none.
     */
    static int expansionLength(String s, int i, int limit) {
        if (i + 1 >= limit) {
            return 0;
        }
        char c = s.charAt(i + 1);
        if (c == '@' || c == '*' || c == '!' || c == '?' || c == '-' || c == '$' || c == '#' || AsciiText.isDigit(c)) {
            return 2;
        }
        if (c == '{') {
            int close = ShellJudge.indexWithin(s, '}', i + 2, 40);
            if (close < 0 || close >= limit) {
                return 0;
            }
            for (int k = i + 2; k < close; k++) {
                char q = s.charAt(k);
                if (AsciiText.isSpace(q) || q == '{' || q == '$' || q == ';') {
                    return 0;
                }
            }
            return close + 1 - i;
        }
        if (AsciiText.isLetter(c) || c == '_') {
            int k = i + 2;
            while (k < limit && AsciiText.isWord(s.charAt(k))) {
                k++;
            }
            return k - i;
        }
        return 0;
    }

    /** Whether {@code $IFS}, <code>${IFS}</code>, {@code $9}, {@code $@} blanks start at {@code i}; their length. */
    static int blankExpansionLength(String s, int i) {
        if (s.charAt(i) != '$') {
            return 0;
        }
        if (isIfs(s, i)) {
            if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int close = ShellJudge.indexWithin(s, '}', i, 20);
                return close < 0 ? 0 : close + 1 - i;
            }
            return 4;
        }
        if (i + 1 < s.length()) {
            char c = s.charAt(i + 1);
            if (c == '@' || c == '*' || AsciiText.isDigit(c)) {
                return 2;
            }
        }
        return 0;
    }

    private static boolean isWindowsPathStart(String s, int i) {
        if (i + 2 < s.length() && AsciiText.isLetter(s.charAt(i)) && s.charAt(i + 1) == ':') {
            char c = s.charAt(i + 2);
            return c == '\\' || c == '/';
        }
        return i + 1 < s.length() && s.charAt(i) == '\\' && s.charAt(i + 1) == '\\';
    }
}
