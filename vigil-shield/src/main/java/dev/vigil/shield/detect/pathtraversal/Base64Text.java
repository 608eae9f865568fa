package dev.vigil.shield.detect.pathtraversal;

/**
 * Decodes a value that is entirely Base64 (standard or URL-safe alphabet, optional padding) into printable ASCII, for
 * file parameters that an application Base64-decodes before opening the file. Returns null, without allocating, for
 * anything else: too short, a character outside the alphabet, or a decoding that is not printable text.
 */
final class Base64Text {

    /** Shorter values are words and identifiers more often than encoded paths. */
    static final int MIN_LENGTH = 12;

    private Base64Text() {}

    /** The decoded text of {@code s}, or null. */
    static String decode(String s) {
        int n = s.length();
        if (n < MIN_LENGTH || n > PathCanonicalizer.CAP || (n & 3) != 0) {
            return null;
        }
        char first = s.charAt(0);
        if (first < 'I' || first > 'f' || first > 'Z' && first < 'a') {
            return null; // printable text encodes to a first character in I..Z or a..f
        }
        int end = n;
        while (end > 0 && s.charAt(end - 1) == '=' && n - end < 2) {
            end--;
        }
        // one pass checks the alphabet and that every byte decodes to printable text, stopping at the first that
        // does not (random identifiers fail within a few characters); a second builds the text
        boolean slashOrDigit = false;
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int v = value(s.charAt(i));
            if (v < 0) {
                return null;
            }
            slashOrDigit |= v >= 52;
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                if (!printable(acc >> bits & 0xFF)) {
                    return null;
                }
            }
        }
        if (!slashOrDigit) {
            return null; // plain words
        }
        char[] out = new char[end * 3 / 4];
        int o = 0;
        acc = 0;
        bits = 0;
        for (int i = 0; i < end; i++) {
            acc = acc << 6 | value(s.charAt(i));
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (char) (acc >> bits & 0xFF);
            }
        }
        return new String(out, 0, o);
    }

    private static boolean printable(int b) {
        return b >= 0x20 && b <= 0x7E || b == 0 || b == '\t';
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        if (c == '/' || c == '_') {
            return 63;
        }
        return -1;
    }
}
