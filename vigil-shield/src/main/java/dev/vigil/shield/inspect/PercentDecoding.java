package dev.vigil.shield.inspect;

/**
 * URL percent-decoding: {@code %XX} runs decoded as strict UTF-8, and IIS-style {@code %uXXXX} UTF-16 code units.
 * Anything that is not a complete, valid escape (a lone {@code %}, bad hex digits, invalid or overlong UTF-8) is kept
 * literally, so overlong forms survive for {@link OverlongDecoding}. {@code +} is left alone: whether it means a space
 * depends on where the value came from, which is not known here.
 */
final class PercentDecoding {

    private PercentDecoding() {}

    /** The decoded text, or {@code s} itself (same instance) when nothing was decoded. */
    static String decode(String s) {
        StringBuilder out = null;
        int copied = 0;
        int i = s.indexOf('%');
        while (i >= 0) {
            int consumed;
            int codePoint;
            int b = Hex.percentByte(s, i);
            if (b >= 0) {
                long decoded = utf8At(s, i, b);
                consumed = (int) (decoded >>> 32);
                codePoint = (int) decoded;
            } else if (i + 1 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
                codePoint = Hex.value(s, i + 2, 4);
                consumed = codePoint < 0 ? 0 : 6;
            } else {
                consumed = 0;
                codePoint = -1;
            }
            if (consumed == 0) {
                i = s.indexOf('%', i + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, i);
            if (consumed == 6) {
                out.append((char) codePoint); // a UTF-16 unit: surrogate halves pair up across escapes
            } else {
                out.appendCodePoint(codePoint);
            }
            i += consumed;
            copied = i;
            i = s.indexOf('%', i);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, s.length()).toString();
    }

    /**
     * Decodes the UTF-8 sequence whose lead byte {@code lead} is written at {@code i}. Returns the number of characters
     * consumed in the high 32 bits and the code point in the low 32 bits; consumed is 0 for an invalid sequence.
     */
    private static long utf8At(String s, int i, int lead) {
        int need;
        int min = 0x80;
        int max = 0xBF;
        int codePoint;
        if (lead < 0x80) {
            return (3L << 32) | lead;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            codePoint = lead & 0x0F;
            if (lead == 0xE0) {
                min = 0xA0; // below is overlong
            } else if (lead == 0xED) {
                max = 0x9F; // above is a surrogate
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            codePoint = lead & 0x07;
            if (lead == 0xF0) {
                min = 0x90; // below is overlong
            } else if (lead == 0xF4) {
                max = 0x8F; // above is beyond U+10FFFF
            }
        } else {
            return 0;
        }
        int at = i + 3;
        for (int k = 0; k < need; k++, at += 3) {
            int b = Hex.percentByte(s, at);
            if (b < min || b > max) {
                return 0;
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
            min = 0x80;
            max = 0xBF;
        }
        return ((long) (at - i) << 32) | codePoint;
    }
}
