package dev.vigil.shield.inspect;

/** Hexadecimal digit helpers shared by the decoders. */
final class Hex {

    private Hex() {}

    /** The value of a hex digit, or -1. */
    static int digit(char c) {
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

    /** The value of exactly {@code count} hex digits at {@code from}, or -1 if any is missing or not hex. */
    static int value(String s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = (value << 4) | d;
        }
        return value;
    }

    /** The byte written as {@code %XX} at {@code i}, or -1. */
    static int percentByte(String s, int i) {
        return i < s.length() && s.charAt(i) == '%' ? value(s, i + 1, 2) : -1;
    }
}
