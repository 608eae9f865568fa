package dev.vigil.shield.detect.crlf;

import dev.vigil.shield.detect.AsciiText;

/**
 * Which {@code Name:} lines after a line break are forged HTTP headers. Names that are also English words
 * ({@code Location}, {@code Host}, {@code Cookie}, {@code Link}, {@code Refresh}) appear in ordinary multi-line text
 * ("Location: room 5"), so for them the value must also have that header's syntax.
 */
final class HeaderNames {

    private HeaderNames() {}

    /** Whether the line starting with header name {@code [from, colon)} is a forged header. */
    static boolean isForgedHeader(String s, int from, int colon) {
        String name = AsciiText.lower(s.substring(from, colon));
        int value = colon + 1;
        while (value < s.length() && (s.charAt(value) == ' ' || s.charAt(value) == '\t')) {
            value++;
        }
        switch (name) {
            case "set-cookie":
            case "set-cookie2":
            case "cookie":
                return isCookiePair(s, value);
            case "location":
            case "content-location":
            case "refresh":
                return isUrlStart(s, value) || isRefresh(s, value);
            case "host":
                return isHostName(s, value);
            case "link":
                return value < s.length() && s.charAt(value) == '<';
            case "bcc":
                return lineContains(s, value, '@');
            case "transfer-encoding":
            case "cache-control":
            case "strict-transport-security":
            case "www-authenticate":
            case "proxy-authenticate":
            case "proxy-authorization":
            case "user-agent":
            case "referer":
            case "last-modified":
            case "keep-alive":
            case "content-security-policy":
            case "content-security-policy-report-only":
            case "cross-origin-opener-policy":
            case "cross-origin-resource-policy":
            case "referrer-policy":
            case "permissions-policy":
            case "upgrade-insecure-requests":
                return true;
            default:
                break;
        }
        if (name.startsWith("content-") || name.startsWith("access-control-")) {
            return name.length() > 10;
        }
        if (name.startsWith("x-") && name.length() > 3) {
            // X-Forwarded-For, X-XSS-Protection; a one-hyphen name like "X-ray" needs a token value
            return name.indexOf('-', 2) > 2 || isTokenLine(s, value);
        }
        return false;
    }

    private static boolean isCookiePair(String s, int at) {
        int n = s.length();
        int i = at;
        while (i < n && (AsciiText.isWord(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '.')) {
            i++;
        }
        return i > at && i < n && s.charAt(i) == '=';
    }

    private static boolean isUrlStart(String s, int at) {
        int n = s.length();
        if (at >= n) {
            return false;
        }
        if (s.charAt(at) == '/') {
            return true;
        }
        int i = at;
        while (i < n && i - at < 12 && AsciiText.isLetter(s.charAt(i))) {
            i++;
        }
        return i > at && i + 2 < n && s.charAt(i) == ':' && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/';
    }

    private static boolean isRefresh(String s, int at) {
        int i = at;
        int n = s.length();
        while (i < n && AsciiText.isDigit(s.charAt(i))) {
            i++;
        }
        return i > at && i < n && (s.charAt(i) == ';' || s.charAt(i) == ',');
    }

    private static boolean isHostName(String s, int at) {
        int n = s.length();
        int i = at;
        boolean dot = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (!(AsciiText.isWord(c) || c == '-' || c == ':')) {
                break;
            }
            i++;
        }
        return dot && i > at + 2 && (i == n || s.charAt(i) == '\r' || s.charAt(i) == '\n' || s.charAt(i) == '\\');
    }

    private static boolean isTokenLine(String s, int at) {
        int n = s.length();
        int i = at;
        while (i < n && i - at < 256) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\\') {
                break;
            }
            if (c == ' ' || c == '\t') {
                return false;
            }
            i++;
        }
        return i > at;
    }

    private static boolean lineContains(String s, int at, char wanted) {
        int n = Math.min(s.length(), at + 256);
        for (int i = at; i < n; i++) {
            char c = s.charAt(i);
            if (c == wanted) {
                return true;
            }
            if (c == '\r' || c == '\n') {
                return false;
            }
        }
        return false;
    }
}
