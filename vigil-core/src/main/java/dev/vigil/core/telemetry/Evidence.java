package dev.vigil.core.telemetry;

/**
 * Makes a safe evidence fragment out of attacker-controlled text: bounded in length and with every character that
 * could corrupt a log line or a terminal escaped.
 *
 * <p>Control characters (C0, DEL, C1), Unicode line and paragraph separators, bidirectional overrides and lone
 * surrogates become {@code \xNN} or {@code \}{@code uNNNN}; a backslash becomes {@code \\} so the escaping cannot be
 * forged. Cut ends are marked with {@code …}.
 */
public final class Evidence {

    /** The default maximum number of characters of the original value kept in a fragment. */
    public static final int DEFAULT_MAX = 120;

    private Evidence() {}

    /** The whole value, bounded to {@link #DEFAULT_MAX} characters and escaped. */
    public static String of(String value) {
        return around(value, 0, 0, DEFAULT_MAX);
    }

    /**
     * A fragment of {@code value} centred on {@code [start, end)}, at most {@code max} original characters, escaped.
     */
    public static String around(String value, int start, int end, int max) {
        if (value == null) {
            return "";
        }
        int len = value.length();
        start = Math.max(0, Math.min(start, len));
        end = Math.max(start, Math.min(end, len));
        max = Math.max(8, max);
        int from;
        int to;
        if (len <= max) {
            from = 0;
            to = len;
        } else {
            int span = end - start;
            int pad = Math.max(0, (max - span) / 2);
            from = Math.max(0, start - pad);
            to = Math.min(len, from + max);
            from = Math.max(0, to - max);
        }
        if (from > 0 && Character.isLowSurrogate(value.charAt(from))) {
            from++;
        }
        if (to < len && to > 0 && Character.isHighSurrogate(value.charAt(to - 1))) {
            to--;
        }
        StringBuilder out = new StringBuilder(to - from + 8);
        if (from > 0) {
            out.append('…');
        }
        escape(value, from, to, out);
        if (to < len) {
            out.append('…');
        }
        return out.toString();
    }

    private static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append("\\x").append(hex(c >> 4)).append(hex(c));
            } else if (c == '\u2028'
                    || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200e'
                    || c == '\u200f'
                    || c == '\ufeff') {
                appendUnicode(c, out);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    appendUnicode(c, out);
                }
            } else if (Character.isLowSurrogate(c)) {
                appendUnicode(c, out);
            } else {
                out.append(c);
            }
        }
    }

    private static void appendUnicode(char c, StringBuilder out) {
        out.append("\\u")
                .append(hex(c >> 12))
                .append(hex(c >> 8))
                .append(hex(c >> 4))
                .append(hex(c));
    }

    private static char hex(int nibble) {
        return "0123456789abcdef".charAt(nibble & 0xf);
    }
}
