package dev.vigil.shield.detect.pathtraversal;

import dev.vigil.shield.detect.AsciiText;

/**
 * The cheap first look: whether a text holds anything a traversal or file-inclusion payload cannot do without. One pass,
 * no allocation. It looks for a dot pair, a backslash, a slash next to a system directory name or a hidden name, a
 * drive or scheme colon, {@code 0x2e}-style hex spellings, the {@code -inf} of {@code WEB-INF}, {@code .ini} file names,
 * and the Unicode and Latin-1 characters that stand for dots and slashes in encoded payloads.
 */
final class PathPrefilter {

    private PathPrefilter() {}

    /** Characters below 64 that need a closer look: . / : % 0 - */
    private static final long LOW = 1L << '.' | 1L << '/' | 1L << ':' | 1L << '%' | 1L << '0' | 1L << '-';

    /** Below this length one pass over the characters beats a series of vectorised {@code indexOf} calls. */
    private static final int SHORT = 64;

    /** The characters below U+0100 that start a closer look. */
    private static final String TRIGGERS = "./:%\\0-_";

    /** The characters from U+0100 up that stand for dots and slashes (see {@link PathCanonicalizer}). */
    private static final String LOOKALIKES =
            "\uFF0E\u2024\uFE52\u2025\u2026\u2215\u2216\u2044\u29F5\u29F8\u29F9\uFE68\uFF0F\uFF3C\uEFC8\uF025\uFFFD";

    /** Whether {@code s} (its first {@code limit} characters) may hold a path attack. */
    static boolean mayMatch(String s, int limit) {
        int n = Math.min(s.length(), limit);
        if (n < SHORT || n < s.length()) {
            return scan(s, n);
        }
        // long text: String.indexOf is vectorised, and returns at once for a character a Latin-1 string cannot hold
        for (int k = 0; k < TRIGGERS.length(); k++) {
            char c = TRIGGERS.charAt(k);
            for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
                if (c == '\\' ? backslash(s, i, n) : c == '_' ? underscore(s, i, n) : low(s, i, n, c)) {
                    return true;
                }
            }
        }
        if (s.indexOf(0xC0) >= 0 || s.indexOf(0xC1) >= 0) {
            return true;
        }
        for (int k = 0; k < LOOKALIKES.length(); k++) {
            if (s.indexOf(LOOKALIKES.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean scan(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'a') {
                // lower-case letters, the commonest case: one compare more
                if (c >= 0x80 && high(c)) {
                    return true;
                }
            } else if (c < 64) {
                if ((LOW >>> c & 1L) != 0 && low(s, i, n, c)) {
                    return true;
                }
            } else if (c == '\\' && backslash(s, i, n) || c == '_' && underscore(s, i, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean underscore(String s, int i, int n) {
        return AsciiText.regionMatchesLower(s, i + 1, "log") && !letterAt(s, i + 4, n);
    }

    /** A backslash, unless it starts a JSON or C escape of a quote or a control character. */
    private static boolean backslash(String s, int i, int n) {
        if (i + 1 >= n) {
            return false;
        }
        switch (s.charAt(i + 1)) {
            case '"':
            case '\'':
            case 'n':
            case 'r':
            case 't':
            case 'u':
                return false;
            default:
                return true;
        }
    }

    private static boolean letterAt(String s, int at, int n) {
        return at < n && AsciiText.isLetter(s.charAt(at));
    }

    private static boolean high(char c) {
        if (c < 0x2024) {
            return c == 0xC0 || c == 0xC1; // Latin-1 and the scripts below U+2024 (Cyrillic, CJK is above) hold none
        }
        if (c < 0xEFC8 && c > 0x29F9) {
            return false; // CJK, Hangul, ...
        }
        return PathCanonicalizer.isDotLike(c)
                || PathCanonicalizer.isSlashLike(c)
                || c == 0xC0
                || c == 0xC1
                || c == 0x2025
                || c == 0x2026
                || c == 0xFFFD;
    }

    private static boolean low(String s, int i, int n, char c) {
        switch (c) {
            case '.':
                if (i + 1 < n) {
                    char d = s.charAt(i + 1);
                    return d == '.' || d == '%' || extension(s, i + 1);
                }
                return false;
            case '/':
                return slashContext(s, i, n);
            case ':':
                return colonContext(s, i, n);
            case '%':
                return percent(s, i, n);
            case '0':
                if (i + 3 < n && (s.charAt(i + 1) | 0x20) == 'x') {
                    char h = s.charAt(i + 2);
                    char l = (char) (s.charAt(i + 3) | 0x20);
                    return h == '2' && (l == 'e' || l == 'f') || h == '5' && l == 'c';
                }
                return false;
            case '-':
                return AsciiText.regionMatchesLower(s, i + 1, "inf");
            default:
                return false;
        }
    }

    /** A file extension or dot-name that sensitive files carry: .ini, .log, .conf, .cnf, .passwd, .env, .ht... */
    private static boolean extension(String s, int at) {
        switch (AsciiText.lower(s.charAt(at))) {
            case 'i':
                return AsciiText.regionMatchesLower(s, at, "ini") || AsciiText.regionMatchesLower(s, at, "iconv.");
            case 'l':
                return AsciiText.regionMatchesLower(s, at, "log");
            case 't':
                return AsciiText.regionMatchesLower(s, at, "toupper") || AsciiText.regionMatchesLower(s, at, "tolower");
            case 'c':
                return AsciiText.regionMatchesLower(s, at, "conf") || AsciiText.regionMatchesLower(s, at, "cnf");
            case 'p':
                return AsciiText.regionMatchesLower(s, at, "passwd");
            case 'h':
                return AsciiText.regionMatchesLower(s, at, "htp")
                        || AsciiText.regionMatchesLower(s, at, "hta")
                        || AsciiText.regionMatchesLower(s, at, "history");
            case 'e':
                return AsciiText.regionMatchesLower(s, at, "env") || AsciiText.regionMatchesLower(s, at, "err");
            case 's':
                return AsciiText.regionMatchesLower(s, at, "ssh") || AsciiText.regionMatchesLower(s, at, "sql");
            case 'a':
                return AsciiText.regionMatchesLower(s, at, "aws")
                        || AsciiText.regionMatchesLower(s, at, "asa") && !letterAt(s, at + 3, s.length());
            case 'b':
                return AsciiText.regionMatchesLower(s, at, "bak")
                        || AsciiText.regionMatchesLower(s, at, "bash")
                        || AsciiText.regionMatchesLower(s, at, "base64-");
            case 'r':
                return AsciiText.regionMatchesLower(s, at, "rot13");
            case 'd':
                return AsciiText.regionMatchesLower(s, at, "deflate")
                        || AsciiText.regionMatchesLower(s, at, "decompress");
            case 'q':
                return AsciiText.regionMatchesLower(s, at, "quoted-printable-");
            default:
                return false;
        }
    }

    /** An escape left in the text that only evasion uses: invalid, nested, overlong lead, dot or slash. */
    private static boolean percent(String s, int i, int n) {
        if (i + 2 >= n) {
            return false;
        }
        char h = AsciiText.lower(s.charAt(i + 1));
        char l = AsciiText.lower(s.charAt(i + 2));
        if (isHex(h) && isHex(l)) {
            // the decoded variants show the rest; what they cannot decode is an overlong lead
            return h == 'c' && (l == '0' || l == '1');
        }
        // junk where a separator goes (%bg%qf, %c1%8s) or a nested escape (%%35%%63)
        return isAlnum(h) && isAlnum(l) || h == '%' && isHex(l);
    }

    private static boolean isAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static boolean slashContext(String s, int i, int n) {
        // a word ending at the slash: etc/, proc/, .ssh/, .aws/
        if (i >= 3) {
            char p = AsciiText.lower(s.charAt(i - 1));
            if (p == 'c'
                            && (AsciiText.regionMatchesLower(s, i - 3, "etc")
                                    || AsciiText.regionMatchesLower(s, i - 4, "proc"))
                    || p == 'h' && AsciiText.regionMatchesLower(s, i - 4, ".ssh")
                    || p == 's' && AsciiText.regionMatchesLower(s, i - 4, ".aws")) {
                return true;
            }
        }
        if (i + 1 >= n) {
            return false;
        }
        char d = AsciiText.lower(s.charAt(i + 1));
        switch (d) {
            case '.':
            case '~':
                return true;
            case '/':
            case '\\':
                return i + 3 < n && s.charAt(i + 2) == '/' && s.charAt(i + 3) == '/'; // separator padding
            case 'e':
                return AsciiText.regionMatchesLower(s, i + 1, "etc");
            case 'p':
                return AsciiText.regionMatchesLower(s, i + 1, "proc")
                        || AsciiText.regionMatchesLower(s, i + 1, "private/");
            case 'v':
                return AsciiText.regionMatchesLower(s, i + 1, "var/");
            case 'u':
                return AsciiText.regionMatchesLower(s, i + 1, "usr/");
            case 'r':
                return AsciiText.regionMatchesLower(s, i + 1, "root");
            case 's':
                return AsciiText.regionMatchesLower(s, i + 1, "sys/");
            case 'b':
                return AsciiText.regionMatchesLower(s, i + 1, "boot");
            case 'd':
                return AsciiText.regionMatchesLower(s, i + 1, "dev/");
            case 'h':
                return AsciiText.regionMatchesLower(s, i + 1, "home/");
            case 'o':
                return AsciiText.regionMatchesLower(s, i + 1, "opt/");
            case 'w':
                return AsciiText.regionMatchesLower(s, i + 1, "win");
            case 'i':
                return AsciiText.regionMatchesLower(s, i + 1, "inetpub");
            case 't':
                return AsciiText.regionMatchesLower(s, i + 1, "tmp/");
            case 'm':
                return AsciiText.regionMatchesLower(s, i + 1, "meta-inf");
            default:
                return false;
        }
    }

    private static boolean colonContext(String s, int i, int n) {
        if (i == 0 || !AsciiText.isLetter(s.charAt(i - 1))) {
            return false;
        }
        // drive letter: a single letter before the colon, a slash or a name after it
        if (i + 1 < n && (i == 1 || !AsciiText.isLetter(s.charAt(i - 2)))) {
            char d = s.charAt(i + 1);
            if (d == '/' || d == '\\' || AsciiText.regionMatchesLower(s, i + 1, "inetpub")) {
                return true;
            }
        }
        // a scheme followed by a slash: file:/, php://, expect://, phar://, zip://, data://, ...
        return i + 1 < n && s.charAt(i + 1) == '/' && StreamWrappers.schemeEndsAt(s, i) != null;
    }
}
