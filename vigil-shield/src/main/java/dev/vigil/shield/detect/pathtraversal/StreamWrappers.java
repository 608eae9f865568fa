package dev.vigil.shield.detect.pathtraversal;

import dev.vigil.shield.detect.AsciiText;

/**
 * PHP stream wrappers that turn a file-include parameter into code execution or source disclosure: {@code
 * php://filter}, {@code php://input}, {@code expect://}, {@code phar://}, {@code zip://}, {@code data://}, {@code
 * glob://}, {@code compress.zlib://} and the like. The scheme must start a word and be followed by {@code ://}
 * ({@code php:} also needs one of its stream names), so a URL or prose mentioning PHP does not match.
 */
final class StreamWrappers {

    private StreamWrappers() {}

    /**
     * The wrapper or {@code file} scheme whose name ends just before the colon at {@code colon} in {@code s}, or null.
     * The name must start a word.
     */
    static String schemeEndsAt(String s, int colon) {
        int a = colon;
        while (a > 0 && colon - a < 16) {
            char c = s.charAt(a - 1);
            if (AsciiText.isLetter(c) || c == '.' || (AsciiText.isDigit(c) && a < colon)) {
                a--;
            } else {
                break;
            }
        }
        if (a == colon || a > 0 && AsciiText.isWord(s.charAt(a - 1))) {
            return null;
        }
        String name = AsciiText.lower(s.substring(a, colon));
        switch (name) {
            case "file":
            case "php":
            case "expect":
            case "phar":
            case "zip":
            case "rar":
            case "ogg":
            case "data":
            case "glob":
            case "zlib":
            case "compress.zlib":
            case "compress.bzip2":
            case "ssh2.shell":
            case "ssh2.exec":
            case "ssh2.sftp":
                return name;
            default:
                return null;
        }
    }

    /**
     * Where a PHP filter name starts a word in {@code s} ({@code convert.iconv.}, {@code convert.base64-decode}, {@code
     * string.rot13}, {@code zlib.inflate}, ...): the links of {@code php://filter} chains, which turn an include into
     * code execution. Returns {@code start << 32 | end}, or -1.
     */
    static long findFilter(String s, int limit) {
        int n = Math.min(s.length(), limit);
        for (int dot = s.indexOf('.'); dot >= 0 && dot < n; dot = s.indexOf('.', dot + 1)) {
            int a = dot;
            while (a > 0 && AsciiText.isLetter(s.charAt(a - 1)) && dot - a < 8) {
                a--;
            }
            if (a == dot || a > 0 && AsciiText.isWord(s.charAt(a - 1))) {
                continue;
            }
            String[] names = FILTERS;
            for (String name : names) {
                if (AsciiText.regionMatchesLower(s, a, name)) {
                    return (long) a << 32 | (a + name.length());
                }
            }
        }
        return -1;
    }

    /** PHP's stream filter names, as far as they are only ever written in filter chains. */
    private static final String[] FILTERS = {
        "convert.iconv.",
        "convert.base64-encode",
        "convert.base64-decode",
        "convert.quoted-printable-encode",
        "convert.quoted-printable-decode",
        "string.rot13",
        "string.toupper",
        "string.tolower",
        "zlib.deflate",
        "zlib.inflate",
        "bzip2.compress",
        "bzip2.decompress",
        "consumed.",
        "dechunk.",
    };

    /**
     * Where an inclusion wrapper starts in {@code s}, as {@code start << 32 | end}, or -1. Scans at most {@code limit}
     * characters.
     */
    static long find(String s, int limit) {
        int n = Math.min(s.length(), limit);
        int from = 0;
        while (from < n) {
            int colon = s.indexOf(':', from);
            if (colon < 0 || colon >= n) {
                break;
            }
            from = colon + 1;
            if (colon + 2 >= n || s.charAt(colon + 1) != '/' || s.charAt(colon + 2) != '/') {
                continue;
            }
            String name = schemeEndsAt(s, colon);
            if (name == null || name.equals("file")) {
                continue;
            }
            int start = colon - name.length();
            int rest = colon + 3;
            if (name.equals("php")) {
                int end = phpStream(s, rest, n);
                if (end > 0) {
                    return (long) start << 32 | end;
                }
                continue;
            }
            // the wrapper needs something to open
            if (rest < n && !AsciiText.isSpace(s.charAt(rest))) {
                return (long) start << 32 | rest;
            }
        }
        return findFilter(s, limit);
    }

    private static int phpStream(String s, int at, int n) {
        String[] names = {"filter", "input", "fd", "stdin", "memory", "temp"};
        for (String name : names) {
            if (at + name.length() <= n && AsciiText.regionMatchesLower(s, at, name)) {
                int end = at + name.length();
                if (end == n || !AsciiText.isWord(s.charAt(end))) {
                    return end;
                }
            }
        }
        return -1;
    }
}
