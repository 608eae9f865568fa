package dev.vigil.detect.correlation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keeps group keys and counted values small: long texts become a prefix plus a digest of the whole text. */
final class BoundedText {
    static final int MAX_LENGTH = 512;
    private static final int PREFIX = 200;

    private BoundedText() {}

    /** {@code text} itself when short (or null), else its first 200 characters, "…" and its SHA-256. */
    static String of(String text) {
        if (text == null || text.length() <= MAX_LENGTH) {
            return text;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return text.substring(0, PREFIX) + "…[sha256:" + HexFormat.of().formatHex(digest) + "]";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Several values as one text that differs whenever any value differs ({@code length:value} per part); null when
     * any part is null.
     */
    static String tuple(String[] parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p == null) {
                return null;
            }
            out.append(p.length()).append(':').append(p);
        }
        return of(out.toString());
    }
}
