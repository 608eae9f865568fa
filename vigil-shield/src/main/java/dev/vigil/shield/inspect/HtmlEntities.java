package dev.vigil.shield.inspect;

/**
 * Decodes HTML character references the way a browser's text parser would for the purposes of attack detection:
 * numeric ({@code &#60;}, {@code &#x3c;}, {@code &#X3C}, any number of leading zeros, {@code ;} optional), named
 * references from a fixed set that covers markup, punctuation and whitespace used to hide payloads (with {@code ;}),
 * and the legacy names browsers also accept without {@code ;} ({@code &lt &gt &amp &quot &nbsp &copy &reg}, also as a
 * prefix, so {@code &ltscript} reads {@code <script}). Numeric references outside U+0000..U+10FFFF or in the
 * surrogate range, and unknown names, are kept literally.
 */
final class HtmlEntities {

    private HtmlEntities() {}

    private static final int MAX_NAME = 32;

    /** Names (case-sensitive, as in HTML) and the characters they stand for; {@code &tab;} and co. in both cases. */
    private static final String[] NAMES = {
        "lt",
        "<",
        "LT",
        "<",
        "gt",
        ">",
        "GT",
        ">",
        "amp",
        "&",
        "AMP",
        "&",
        "quot",
        "\"",
        "QUOT",
        "\"",
        "apos",
        "'",
        "sol",
        "/",
        "bsol",
        "\\",
        "colon",
        ":",
        "semi",
        ";",
        "comma",
        ",",
        "period",
        ".",
        "excl",
        "!",
        "quest",
        "?",
        "num",
        "#",
        "dollar",
        "$",
        "percnt",
        "%",
        "ast",
        "*",
        "midast",
        "*",
        "plus",
        "+",
        "equals",
        "=",
        "lpar",
        "(",
        "rpar",
        ")",
        "lsqb",
        "[",
        "lbrack",
        "[",
        "rsqb",
        "]",
        "rbrack",
        "]",
        "lcub",
        "{",
        "lbrace",
        "{",
        "rcub",
        "}",
        "rbrace",
        "}",
        "verbar",
        "|",
        "vert",
        "|",
        "VerticalLine",
        "|",
        "grave",
        "`",
        "DiacriticalGrave",
        "`",
        "Hat",
        "^",
        "lowbar",
        "_",
        "UnderBar",
        "_",
        "commat",
        "@",
        "hyphen",
        "\u2010",
        "dash",
        "\u2010",
        "tab",
        "\t",
        "Tab",
        "\t",
        "newline",
        "\n",
        "NewLine",
        "\n",
        "nbsp",
        "\u00A0",
        "NonBreakingSpace",
        "\u00A0",
        "shy",
        "\u00AD",
        "zwj",
        "\u200D",
        "zwnj",
        "\u200C",
        "ensp",
        "\u2002",
        "emsp",
        "\u2003",
        "thinsp",
        "\u2009",
        "lsquo",
        "\u2018",
        "rsquo",
        "\u2019",
        "ldquo",
        "\u201C",
        "rdquo",
        "\u201D",
        "laquo",
        "\u00AB",
        "raquo",
        "\u00BB",
        "lsaquo",
        "\u2039",
        "rsaquo",
        "\u203A",
        "copy",
        "\u00A9",
        "reg",
        "\u00AE",
        "COPY",
        "\u00A9",
        "REG",
        "\u00AE",
        "Backslash",
        "\u2216"
    };

    /** Names browsers decode without a trailing {@code ;}, longest first so the longest prefix wins. */
    private static final String[] LEGACY = {
        "nbsp", "\u00A0", "quot", "\"", "QUOT", "\"", "copy", "\u00A9", "COPY", "\u00A9", "amp", "&", "AMP", "&", "reg",
        "\u00AE", "REG", "\u00AE", "lt", "<", "LT", "<", "gt", ">", "GT", ">"
    };

    /** The decoded text, or {@code s} itself (same instance) when nothing was decoded. */
    static String decode(String s) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = s.indexOf('&');
        while (i >= 0) {
            int end; // exclusive end of the reference, or -1
            int codePoint = -1;
            String replacement = null;
            if (i + 1 < n && s.charAt(i + 1) == '#') {
                end = numericEnd(s, i);
                if (end > 0) {
                    codePoint = numericValue(s, i, end);
                    end = codePoint < 0 ? -1 : (end < n && s.charAt(end) == ';' ? end + 1 : end);
                }
            } else {
                int nameEnd = i + 1;
                while (nameEnd < n && nameEnd - i - 1 < MAX_NAME && isAlnum(s.charAt(nameEnd))) {
                    nameEnd++;
                }
                end = -1;
                if (nameEnd < n && s.charAt(nameEnd) == ';') {
                    replacement = lookup(s, i + 1, nameEnd - i - 1);
                    end = replacement == null ? -1 : nameEnd + 1;
                }
                if (replacement == null) {
                    for (int k = 0; k < LEGACY.length; k += 2) {
                        if (s.startsWith(LEGACY[k], i + 1)) {
                            replacement = LEGACY[k + 1];
                            end = i + 1 + LEGACY[k].length();
                            break;
                        }
                    }
                }
            }
            if (end < 0) {
                i = s.indexOf('&', i + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.appendCodePoint(codePoint);
            }
            copied = end;
            i = s.indexOf('&', end);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    /** The exclusive end of the digits of a numeric reference starting at {@code amp}, or -1 if it has none. */
    private static int numericEnd(String s, int amp) {
        int n = s.length();
        int at = amp + 2;
        boolean hex = at < n && (s.charAt(at) == 'x' || s.charAt(at) == 'X');
        if (hex) {
            at++;
        }
        int start = at;
        while (at < n && (hex ? Hex.digit(s.charAt(at)) >= 0 : isDigit(s.charAt(at)))) {
            at++;
        }
        return at == start ? -1 : at;
    }

    /** The code point of the numeric reference at {@code amp} with digits ending at {@code end}, or -1 if invalid. */
    private static int numericValue(String s, int amp, int end) {
        boolean hex = s.charAt(amp + 2) == 'x' || s.charAt(amp + 2) == 'X';
        int value = 0;
        for (int at = amp + (hex ? 3 : 2); at < end; at++) {
            char c = s.charAt(at);
            value = hex ? value * 16 + Hex.digit(c) : value * 10 + (c - '0');
            if (value > Character.MAX_CODE_POINT) {
                return -1;
            }
        }
        return value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE ? -1 : value;
    }

    private static String lookup(String s, int from, int length) {
        for (int k = 0; k < NAMES.length; k += 2) {
            String name = NAMES[k];
            if (name.length() == length && s.startsWith(name, from)) {
                return NAMES[k + 1];
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
