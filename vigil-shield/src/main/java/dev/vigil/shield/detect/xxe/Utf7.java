package dev.vigil.shield.detect.xxe;

/**
 * Decodes UTF-7 (RFC 2152), the encoding an XML declaration may name to hide markup from byte-level filters:
 * {@code +ADwAIQ-DOCTYPE} is {@code <!DOCTYPE}. Runs of modified base64 after {@code +} are decoded as UTF-16 code
 * units; {@code +-} is a plus sign; a {@code +} inside a run that falls on a code-unit boundary starts a new run (as
 * sloppy encoders write it); everything else is copied. Never fails.
 */
final class Utf7 {

    private Utf7() {}

    static String decode(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && s.charAt(i + 1) == '-') {
                out.append('+');
                i += 2;
                continue;
            }
            int j = i + 1;
            int bits = 0;
            int buffer = 0;
            while (j < n) {
                char b = s.charAt(j);
                if (b == '+' && j > i + 1 && bits < 6) {
                    // a '+' on a code-unit boundary: read as the start of a new run (encoders that omit the '-')
                    break;
                }
                int v = base64(b);
                if (v < 0) {
                    break;
                }
                buffer = buffer << 6 | v;
                bits += 6;
                if (bits >= 16) {
                    bits -= 16;
                    out.append((char) (buffer >>> bits & 0xFFFF));
                }
                j++;
            }
            if (j == i + 1) {
                out.append('+');
            }
            if (j < n && s.charAt(j) == '-') {
                j++;
            }
            i = j;
        }
        return out.toString();
    }

    private static int base64(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }
}
