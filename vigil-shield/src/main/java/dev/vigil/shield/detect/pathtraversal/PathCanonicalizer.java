package dev.vigil.shield.detect.pathtraversal;

import dev.vigil.shield.detect.AsciiText;

/**
 * Rewrites a text into a small path alphabet the walker reads: lower-case word characters, {@code .} for every
 * spelling of a dot, {@code /} for every spelling of a separator (and for the junk attackers put where a separator
 * goes), a space where a path token ends and {@code =} where an assignment starts the next one. Covers what the shared
 * {@code Normalizer} leaves: literal {@code 0x2e}/{@code 0x2f}/{@code 0x5c}, escapes left undecoded in the raw text,
 * invalid escapes such as {@code %c0%qf}, loosely decoded overlong pairs ({@code %c0%2e}, {@code %c0%ee}), stray
 * UTF-8 continuation bytes, Tomcat's {@code ;} path parameters ({@code ..;/}), IIS {@code %uXXXX} and Unicode dot and
 * slash look-alikes (fullwidth, division slash, set minus). Control characters are dropped. One linear pass over at
 * most {@link #CAP} characters; {@link #from} maps each output character back to the input.
 */
final class PathCanonicalizer {

    /** How many input characters are read; beyond that a value is not inspected. */
    static final int CAP = 8192;

    /** Where a path token ends. */
    static final char BOUNDARY = ' ';

    /** Where a path token ends because an assignment starts the next one (e.g. {@code file=../x}). */
    static final char ASSIGN = '=';

    char[] text;
    int[] from;
    int length;

    /** How many characters this run may emit: one more than it reads, as a fresh canonicalizer of that size would. */
    private int limit;

    /** Set once {@code ..2f} or {@code ..5c} is seen: escapes whose {@code %} was lost; later {@code 2f}/{@code 5c} are separators. */
    private boolean bareHex;

    PathCanonicalizer() {
        text = new char[128];
        from = new int[128];
    }

    /** The canonical form of the first {@link #CAP} characters of {@code s}. */
    static PathCanonicalizer of(String s) {
        return new PathCanonicalizer().reset(s);
    }

    /** Canonicalises the first {@link #CAP} characters of {@code s} into this (reused) instance. */
    PathCanonicalizer reset(String s) {
        int n = Math.min(s.length(), CAP);
        limit = n + 1;
        if (text.length < limit) {
            int cap = Math.min(CAP + 1, Math.max(limit, text.length * 2));
            text = new char[cap];
            from = new int[cap];
        }
        length = 0;
        bareHex = false;
        run(s, n);
        return this;
    }

    /** Whether {@code c} (at or above U+0080) stands for a dot. */
    static boolean isDotLike(char c) {
        return c == '\uFF0E' || c == '\u2024' || c == '\uFE52';
    }

    /** Whether {@code c} (at or above U+0080) stands for a slash or backslash. */
    static boolean isSlashLike(char c) {
        switch (c) {
            case '\u2215': // division slash
            case '\u2216': // set minus
            case '\u2044': // fraction slash
            case '\u29F5': // reverse solidus operator
            case '\u29F8': // big solidus
            case '\u29F9': // big reverse solidus
            case '\uFE68': // small reverse solidus
            case '\uFF0F': // fullwidth solidus
            case '\uFF3C': // fullwidth reverse solidus
            case '\uEFC8': // private-use code points some IIS best-fit tables map to slashes
            case '\uF025':
                return true;
            default:
                return false;
        }
    }

    private void emit(char c, int at) {
        if (length < limit) {
            text[length] = c;
            from[length] = at;
            length++;
        }
    }

    private void run(String s, int n) {
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) {
                i = ascii(s, i, n, c);
            } else if (c <= 0xFF) {
                i = latin1(s, i, n, c);
            } else {
                if (isDotLike(c)) {
                    emit('.', i);
                } else if (c == '\u2025' || c == '\u2026') {
                    emit('.', i); // two-dot leader, ellipsis
                    emit('.', i);
                    if (c == '\u2026') {
                        emit('.', i);
                    }
                } else if (isSlashLike(c) || c == '\uFFFD') {
                    emit('/', i);
                } else if (Character.isWhitespace(c) || c == '\u2028' || c == '\u2029') {
                    emit(BOUNDARY, i);
                } else {
                    emit(c, i);
                }
                i++;
            }
        }
    }

    private int ascii(String s, int i, int n, char c) {
        if (AsciiText.isLetter(c)) {
            emit(AsciiText.lower(c), i);
            return i + 1;
        }
        if (c == '0' && i + 3 < n && (s.charAt(i + 1) | 0x20) == 'x') {
            int v = hexPair(s, i + 2);
            char m = v < 0 ? 0 : pathChar(v);
            if (m == '.' || m == '/') {
                emit(m, i);
                return i + 4;
            }
        }
        if (AsciiText.isDigit(c)) {
            if ((c == '2' || c == '5') && i + 1 < n && isBareSeparator(s, i)) {
                if (bareHex || length >= 2 && text[length - 1] == '.' && text[length - 2] == '.') {
                    bareHex = true;
                    emit('/', i);
                    return i + 2;
                }
            }
            emit(c, i);
            return i + 1;
        }
        switch (c) {
            case '.':
                emit('.', i);
                return i + 1;
            case '/':
            case '\\':
            case ';':
            case '?':
            case '#':
                emit('/', i);
                return i + 1;
            case '%':
                return percent(s, i, n);
            case '=':
                emit(ASSIGN, i);
                return i + 1;
            case ':':
            case '-':
            case '_':
            case '$':
            case '~':
            case '@':
            case '+':
            case '!':
            case '*':
                emit(c, i);
                return i + 1;
            default:
                if (c < 0x20 && !AsciiText.isSpace(c) || c == 0x7F) {
                    return i + 1; // control characters are dropped
                }
                emit(BOUNDARY, i); // white space, quotes, brackets, &, |, ',', ...
                return i + 1;
        }
    }

    private static boolean isBareSeparator(String s, int i) {
        char h = s.charAt(i);
        char l = AsciiText.lower(s.charAt(i + 1));
        return h == '2' && l == 'f' || h == '5' && l == 'c';
    }

    /** An escape left undecoded: a valid one is mapped, an invalid one ({@code %bg}, {@code %c1%8s}) is junk. */
    private int percent(String s, int i, int n) {
        int v = hexPair(s, i + 1);
        if (v >= 0) {
            if (v >= 0xC0 && v <= 0xC1 && i + 3 < n) {
                char next = s.charAt(i + 3);
                int b = next == '%' ? hexPair(s, i + 4) : -1;
                if (b >= 0) {
                    emitLoose(v, b, i);
                    return i + 6;
                }
                if (next == '.' || next == '/' || next == '\\') {
                    emitLoose(v, next, i);
                    return i + 4;
                }
            }
            char m = pathChar(v);
            if (m != 0) {
                emit(m, i);
            }
            return i + 3;
        }
        if (i + 5 < n && (s.charAt(i + 1) | 0x20) == 'u') {
            int hi = hexPair(s, i + 2);
            int lo = hexPair(s, i + 4);
            if (hi >= 0 && lo >= 0) {
                char u = (char) (hi << 8 | lo);
                if (u < 0x80) {
                    char m = pathChar(u);
                    if (m != 0) {
                        emit(m, i);
                    }
                } else if (isDotLike(u)) {
                    emit('.', i);
                } else {
                    emit('/', i);
                }
                return i + 6;
            }
        }
        if (i + 1 < n && s.charAt(i + 1) == '%') {
            int end = nested(s, i + 1, n);
            if (end > 0) {
                return end;
            }
        }
        // junk: the % and up to two letters or digits after it
        emit('/', i);
        int j = i + 1;
        int end = Math.min(n, i + 3);
        while (j < end && (AsciiText.isLetter(s.charAt(j)) || AsciiText.isDigit(s.charAt(j)))) {
            j++;
        }
        return j;
    }

    /**
     * A nested escape: {@code %} followed by its two hex digits each written as an escape ({@code %%32%%65}, {@code
     * %%35%63}) or literally ({@code %%35c}). Emits the decoded byte and returns the end, or returns -1.
     */
    private int nested(String s, int at, int n) {
        int d1 = hexDigitAt(s, at, n);
        if (d1 < 0) {
            return -1;
        }
        int j = at + 3;
        if (j < n && s.charAt(j) == '%' && j + 1 < n && s.charAt(j + 1) == '%') {
            j++;
        }
        int d2 = hexDigitAt(s, j, n);
        int next;
        if (d2 >= 0) {
            next = j + 3;
        } else if (j < n && hex(s.charAt(j)) >= 0) {
            d2 = hex(s.charAt(j));
            next = j + 1;
        } else {
            return -1;
        }
        char m = pathChar(d1 << 4 | d2);
        if (m != 0) {
            emit(m, at - 1);
        }
        return next;
    }

    /** The hex digit (as its value) written as an escape {@code %XX} at {@code at}, or -1. */
    private static int hexDigitAt(String s, int at, int n) {
        if (at + 2 >= n || s.charAt(at) != '%') {
            return -1;
        }
        int v = hexPair(s, at + 1);
        return v < 0 ? -1 : hex((char) v);
    }

    /** A byte U+0080..U+00FF: an overlong lead the shared decoder could not decode, a stray byte, or a letter. */
    private int latin1(String s, int i, int n, char c) {
        if (c == 0xC0 || c == 0xC1) {
            if (i + 1 < n) {
                char b = s.charAt(i + 1);
                if (b >= 0x80 && b <= 0xFF || b < 0x80 && !AsciiText.isLetter(b) && !AsciiText.isSpace(b) && b != '%') {
                    emitLoose(c, b, i);
                    return i + 2;
                }
                if (b == '%') {
                    int v = hexPair(s, i + 2);
                    if (v >= 0) {
                        emitLoose(c, v, i);
                        return i + 4;
                    }
                    emit('/', i);
                    return i + 1;
                }
                if (AsciiText.isLetter(b)) {
                    emit('/', i); // a lead byte whose continuation was lost
                    return i + 1;
                }
            }
            emit(c, i);
            return i + 1;
        }
        if ((c == 0xE0 || c == 0xF0 || c == 0xF8 || c == 0xFC) && i + 1 < n) {
            char b = s.charAt(i + 1);
            if (b >= 0x80 && b <= 0xBF) {
                int j = i + 1;
                while (j < n && s.charAt(j) >= 0x80 && s.charAt(j) <= 0xBF && j - i < 6) {
                    j++;
                }
                emitLoose(0xC0, s.charAt(j - 1), i);
                return j;
            }
        }
        if (c < 0xA0) {
            emit('/', i); // stray continuation bytes (no text uses C1 controls) stand where a separator went
        } else if (c < 0xC0 || c == 0xD7 || c == 0xF7) {
            emit(BOUNDARY, i); // no-break space and symbols (© ° « ») separate words
        } else {
            emit(c, i);
        }
        return i + 1;
    }

    /** Decodes a two-byte overlong pair ignoring the continuation-bit check, as lax decoders do. */
    private void emitLoose(int lead, int b, int at) {
        int v = (lead & 0x1F) << 6 | (b & 0x3F);
        if (v == '.') {
            emit('.', at);
        } else {
            emit('/', at);
        }
    }

    /** What a decoded ASCII byte becomes in the path alphabet, or 0 to drop it. */
    private static char pathChar(int v) {
        if (v == '.') {
            return '.';
        }
        if (v == '/' || v == '\\') {
            return '/';
        }
        if (v >= 'A' && v <= 'Z') {
            return (char) (v + 32);
        }
        if (v >= 'a' && v <= 'z' || v >= '0' && v <= '9' || v == '-' || v == '_' || v == '~' || v == ':') {
            return (char) v;
        }
        if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' || v == 0x7F) {
            return 0;
        }
        if (v == ' ' || v == '\t' || v == '\n' || v == '\r' || v == '"' || v == '\'' || v == '<' || v == '>'
                || v == '&') {
            return BOUNDARY;
        }
        if (v == '=') {
            return ASSIGN;
        }
        return '/';
    }

    private static int hexPair(String s, int at) {
        if (at + 1 >= s.length()) {
            return -1;
        }
        int h = hex(s.charAt(at));
        int l = hex(s.charAt(at + 1));
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = (char) (c | 0x20);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }
}
