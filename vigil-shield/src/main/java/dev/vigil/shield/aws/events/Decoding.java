package dev.vigil.shield.aws.events;

import dev.vigil.shield.json.Json;
import dev.vigil.shield.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The decodings event payloads need: percent-encoding, base64, and spotting JSON text. Never throws on bad input. */
final class Decoding {

    /** Longest base64 text decoded (Lambda's largest payload is 6 MB; {@link Json#MAX_STRING} bounds strings). */
    static final int MAX_BASE64_CHARS = Json.MAX_STRING;

    private Decoding() {}

    /**
     * Percent-decodes {@code s} as UTF-8, with {@code +} as a space when asked. Malformed escapes are kept as they are.
     * Returns {@code s} itself when there is nothing to decode.
     */
    static String url(String s, boolean plusIsSpace) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        byte[] bytes = null;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < n && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                if (bytes == null) {
                    bytes = new byte[(n - i) / 3 + 1];
                }
                int len = 0;
                while (i + 2 < n && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                    bytes[len++] = (byte) ((hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2)));
                    i += 3;
                }
                out.append(new String(bytes, 0, len, StandardCharsets.UTF_8));
            } else {
                out.append(plusIsSpace && c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Base64 (standard, or MIME with line breaks) decoded, or {@code null} if {@code s} is not base64 or too long. */
    static byte[] base64(String s) {
        if (s.length() > MAX_BASE64_CHARS) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getMimeDecoder().decode(s);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }

    /** Bytes as UTF-8 text, malformed sequences replaced. */
    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether {@code s} looks like a JSON object or array: first and last non-blank characters match. */
    static boolean looksLikeJson(String s) {
        int start = 0;
        int end = s.length() - 1;
        while (start <= end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end))) {
            end--;
        }
        if (end <= start) {
            return false;
        }
        char a = s.charAt(start);
        char b = s.charAt(end);
        return (a == '{' && b == '}') || (a == '[' && b == ']');
    }

    /** Parses {@code s} when it looks like a JSON object or array; {@code null} if it does not or is not JSON. */
    static Object jsonOrNull(String s) {
        if (!looksLikeJson(s)) {
            return null;
        }
        try {
            return Json.parse(s);
        } catch (JsonException e) {
            return null;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
