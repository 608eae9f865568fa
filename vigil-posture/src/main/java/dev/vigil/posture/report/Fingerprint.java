package dev.vigil.posture.report;

import dev.vigil.posture.check.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A finding's identity across runs: a hash of the check id, the file (as reported, relative, with {@code /}), the
 * subject and the normalised message. Lines are left out, so a finding keeps its fingerprint when lines above it
 * move; the message says what and where inside the resource, so two findings on one resource differ.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The fingerprint of {@code f} reported for {@code file}: 32 hexadecimal characters. */
    public static String of(Finding f, String file) {
        String key = f.checkId() + "\n" + file + "\n" + f.subject() + "\n" + normalise(f.message());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static String normalise(String message) {
        return message.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
