package dev.vigil.posture.usage;

/**
 * Makes text from logs safe to print on a terminal: control characters, bidi overrides and lone surrogates become
 * hexadecimal escapes (backslash, x or u, hex digits), backslashes are doubled, and long values are cut with {@code …}.
 */
final class Printable {

    private static final int MAX = 512;

    private Printable() {}

    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        int n = Math.min(s.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String esc = escape(s, i, c);
            if (esc != null && b == null) {
                b = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (b != null) {
                b.append(esc != null ? esc : String.valueOf(c));
            }
        }
        String out = b == null ? s.substring(0, n) : b.toString();
        return s.length() > MAX ? out + "…" : out;
    }

    private static String escape(String s, int i, char c) {
        if (c == '\\') {
            return "\\\\";
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            return String.format("\\x%02x", (int) c);
        }
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f) {
            return String.format("\\u%04x", (int) c);
        }
        if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
            return String.format("\\u%04x", (int) c);
        }
        if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
