package dev.vigil.shield.hygiene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** Generates credential-shaped test values from a seeded random source: never real keys. */
final class Synthetic {

    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String ALNUM = UPPER + LOWER + DIGITS;
    static final String BASE32 = UPPER + "234567";
    static final String BASE64 = ALNUM + "+/";
    static final String BASE64URL = ALNUM + "-_";

    private final Random random;

    Synthetic(long seed) {
        this.random = new Random(seed);
    }

    String of(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    String awsAccessKeyId(String prefix) {
        return prefix + of(BASE32, 16);
    }

    /** 40 base64 characters that mix upper, lower and digits, as the AWS shape does. */
    String awsSecret() {
        return of(UPPER, 1) + of(LOWER, 1) + of(DIGITS, 1) + "/" + of(BASE64, 36);
    }

    /** A long base64 value shaped like an STS session token. */
    String sessionToken() {
        return "IQoJ" + of(BASE64, 300) + "==";
    }

    String privateKeyPem(String label, String newline) {
        StringBuilder out = new StringBuilder("-----BEGIN " + label + "PRIVATE KEY-----" + newline);
        for (int i = 0; i < 4; i++) {
            out.append(of(BASE64, 64)).append(newline);
        }
        return out.append("-----END ").append(label).append("PRIVATE KEY-----").toString();
    }

    String githubToken(String prefix) {
        return prefix + of(ALNUM, 36);
    }

    String githubFineGrainedToken() {
        return "github_pat_" + of(ALNUM, 22) + "_" + of(ALNUM, 59);
    }

    String slackToken(char type) {
        return "xox" + type + "-" + of(DIGITS, 12) + "-" + of(DIGITS, 13) + "-" + of(ALNUM, 24);
    }

    String stripeKey(String prefix) {
        return prefix + of(ALNUM, 24);
    }

    String googleApiKey() {
        return "AIza" + of(BASE64URL, 35);
    }

    String jwt() {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload =
                enc.encodeToString("{\"sub\":\"synthetic-user\",\"iat\":1700000000}".getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + of(BASE64URL, 43);
    }

    /** Mixed-class random text, like a generated password or API secret. */
    String password(int length) {
        return of(UPPER, 2) + of(LOWER, 2) + of(DIGITS, 2) + of(ALNUM + "!#%&*+", length - 6);
    }
}
