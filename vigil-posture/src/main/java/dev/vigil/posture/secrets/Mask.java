package dev.vigil.posture.secrets;

import java.util.List;

/**
 * Renders a secret so that it can be printed: only a well-known, non-secret prefix of its kind (such as
 * {@code AKIA} or {@code ghp_}) and its length. Passwords and other free-form secrets show no character at all.
 */
public final class Mask {
    private Mask() {}

    /** Public prefixes that identify a token's kind and say nothing about the token. */
    private static final List<String> PUBLIC_PREFIXES = List.of(
            "github_pat_",
            "sk_live_",
            "rk_live_",
            "sk-proj-",
            "sk-ant-",
            "https://",
            "http://",
            "dckr_pat_",
            "-----BEGIN",
            "PuTTY-User-Key-File",
            "glpat-",
            "shpat_",
            "sq0atp-",
            "sq0csp-",
            "pypi-",
            "xoxb-",
            "xoxp-",
            "xoxa-",
            "xoxr-",
            "xoxs-",
            "ghp_",
            "gho_",
            "ghs_",
            "ghu_",
            "ghr_",
            "npm_",
            "AKIA",
            "ASIA",
            "ABIA",
            "ACCA",
            "A3T",
            "AIza",
            "ya29.",
            "eyJ",
            "SG.",
            "key-");

    /** The masked form of {@code secret} of the given kind, e.g. {@code ghp_…(40 chars)} or {@code …(6 chars)}. */
    public static String mask(SecretKind kind, String secret) {
        String prefix = "";
        if (kind != SecretKind.NAMED_SECRET && kind != SecretKind.HIGH_ENTROPY) {
            for (String p : PUBLIC_PREFIXES) {
                if (secret.startsWith(p) && secret.length() > p.length() + 3) {
                    prefix = p;
                    break;
                }
            }
        }
        int n = secret.codePointCount(0, secret.length());
        return prefix + "…(" + n + (n == 1 ? " char)" : " chars)");
    }

    /** A value of unknown content: only its length. */
    public static String mask(String secret) {
        return mask(SecretKind.NAMED_SECRET, secret);
    }
}
