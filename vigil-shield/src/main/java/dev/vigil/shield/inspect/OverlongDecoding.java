package dev.vigil.shield.inspect;

/**
 * Decodes overlong UTF-8 encodings of ASCII characters (2 to 6 bytes, e.g. {@code %c0%ae} for {@code .}, {@code
 * %c0%af} and {@code %e0%80%af} for {@code /}, {@code %c1%9c} for {@code \}), which strict decoders reject but some
 * legacy servers accept. Each byte may be written as {@code %XX} or held directly as a char in U+0080..U+00FF (text
 * that was read as ISO-8859-1). Only overlongs of ASCII are decoded: those are what path traversal and filter evasion
 * use; everything else is kept as is.
 */
final class OverlongDecoding {

    private OverlongDecoding() {}

    /** Whether {@code b} starts an overlong encoding of an ASCII character. */
    static boolean isLead(int b) {
        return b == 0xC0 || b == 0xC1 || b == 0xE0 || b == 0xF0 || b == 0xF8 || b == 0xFC;
    }

    /** The decoded text, or {@code s} itself (same instance) when nothing was decoded. */
    static String decode(String s) {
        if (!mayContainLead(s)) {
            return s;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int lead;
            int at;
            if (c == '%') {
                lead = Hex.percentByte(s, i);
                at = i + 3;
            } else {
                lead = c;
                at = i + 1;
            }
            if (!isLead(lead)) {
                i++;
                continue;
            }
            int length = lead == 0xC0 || lead == 0xC1 ? 2 : lead == 0xE0 ? 3 : lead == 0xF0 ? 4 : lead == 0xF8 ? 5 : 6;
            int codePoint = lead & (0xFF >> (length + 1));
            for (int k = 1; k < length && codePoint >= 0; k++) {
                int b;
                if (at < n && s.charAt(at) == '%') {
                    b = Hex.percentByte(s, at);
                    at += 3;
                } else {
                    b = at < n ? s.charAt(at) : -1;
                    at++;
                }
                codePoint = b >= 0x80 && b <= 0xBF ? (codePoint << 6) | (b & 0x3F) : -1;
            }
            if (codePoint < 0 || codePoint >= 0x80) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i).append((char) codePoint);
            i = at;
            copied = at;
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    private static boolean mayContainLead(String s) {
        return s.indexOf('%') >= 0
                || s.indexOf(0xC0) >= 0
                || s.indexOf(0xC1) >= 0
                || s.indexOf(0xE0) >= 0
                || s.indexOf(0xF0) >= 0
                || s.indexOf(0xF8) >= 0
                || s.indexOf(0xFC) >= 0;
    }
}
