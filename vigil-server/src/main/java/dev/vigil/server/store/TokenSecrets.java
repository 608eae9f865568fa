package dev.vigil.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token generation and hashing. A token is {@code vgl_} followed by 32 random bytes in URL-safe base64 (256 bits), so
 * an unsalted SHA-256 is enough to store it: there is nothing to guess, unlike a password.
 */
public final class TokenSecrets {

    /** Every Vigil token starts with this, so secret scanners can recognise one. */
    public static final String PREFIX = "vgl_";

    /** Characters kept for display: the prefix and 8 more. */
    public static final int DISPLAY_LENGTH = PREFIX.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    /** A new random token. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lower-case hex SHA-256 of a token, as stored. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The part of a token shown in lists. */
    public static String displayPrefix(String token) {
        return token.substring(0, Math.min(DISPLAY_LENGTH, token.length()));
    }
}
