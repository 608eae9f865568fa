package dev.vigil.shield.auth;

import java.util.Base64;

/** Strict, bounded decoding of signatures and timestamps taken from headers. */
final class SignatureCodec {

    /** Longest signature header accepted; anything longer is malformed. */
    static final int MAX_SIGNATURE_HEADER = 1024;

    /** Most digits accepted in a Unix timestamp (enough for year 33658). */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private SignatureCodec() {}

    /** Decodes {@code text[from, to)} as hex (either case); {@code null} if empty, odd-length or not hex. */
    static byte[] hex(String text, int from, int to) {
        int len = to - from;
        if (len <= 0 || (len & 1) != 0) {
            return null;
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = nibble(text.charAt(from + 2 * i));
            int lo = nibble(text.charAt(from + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Decodes standard or URL-safe base64, padded or not; {@code null} if empty or malformed. */
    static byte[] base64(String text) {
        if (text.isEmpty()) {
            return null;
        }
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses a non-negative decimal Unix timestamp of at most 12 digits; {@code -1} if it is anything else. */
    static long timestamp(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TIMESTAMP_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int nibble(char c) {
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
}
