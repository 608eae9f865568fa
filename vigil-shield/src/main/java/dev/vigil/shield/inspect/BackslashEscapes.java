package dev.vigil.shield.inspect;

/**
 * Decodes the backslash escapes of JavaScript, Java, JSON, Python and C string literals that payloads use to hide
 * characters: <code>&#92;uXXXX</code> (UTF-16 units, so surrogate pairs such as <code>&#92;ud83d&#92;ude00</code>
 * combine), <code>&#92;u{X..XXXXXX}</code> (ES6 code point), <code>&#92;UXXXXXXXX</code> (Python/C code point),
 * <code>&#92;xXX</code>, and three-digit octal <code>&#92;NNN</code> up to <code>&#92;377</code>. Shorter octal forms,
 * including a lone <code>&#92;0</code>, and single-character escapes such as <code>&#92;n</code> are kept literally:
 * they are too common in ordinary text (Windows paths, regular expressions) to be worth a variant. Every backslash that
 * starts a valid escape is decoded, even right after another backslash, so <code>&#92;&#92;x41</code> reads
 * <code>&#92;A</code>.
 */
final class BackslashEscapes {

    private BackslashEscapes() {}

    /** The decoded text, or {@code s} itself (same instance) when nothing was decoded. */
    static String decode(String s) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = s.indexOf('\\');
        while (i >= 0) {
            int end = -1;
            int value = -1;
            boolean codeUnit = false;
            char kind = i + 1 < n ? s.charAt(i + 1) : 0;
            if (kind == 'u') {
                if (i + 2 < n && s.charAt(i + 2) == '{') {
                    int close = i + 3;
                    while (close < n && close - i - 3 < 6 && Hex.digit(s.charAt(close)) >= 0) {
                        close++;
                    }
                    if (close > i + 3 && close < n && s.charAt(close) == '}') {
                        value = Hex.value(s, i + 3, close - i - 3);
                        end = close + 1;
                    }
                } else {
                    value = Hex.value(s, i + 2, 4);
                    end = i + 6;
                    codeUnit = true;
                }
            } else if (kind == 'U') {
                value = Hex.value(s, i + 2, 8);
                end = i + 10;
            } else if (kind == 'x') {
                value = Hex.value(s, i + 2, 2);
                end = i + 4;
            } else if (kind >= '0' && kind <= '3' && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                value = (kind - '0') * 64 + (s.charAt(i + 2) - '0') * 8 + (s.charAt(i + 3) - '0');
                end = i + 4;
            }
            if (value < 0 || value > Character.MAX_CODE_POINT) {
                i = s.indexOf('\\', i + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i);
            if (codeUnit || value <= Character.MAX_VALUE) {
                out.append((char) value); // lone surrogates are kept as they are, like JavaScript does
            } else {
                out.appendCodePoint(value);
            }
            copied = end;
            i = s.indexOf('\\', end);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }
}
