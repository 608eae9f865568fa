package dev.vigil.shield.auth;

import java.util.Set;

/**
 * The outcome of an authenticity check: success, or a failure with a stable machine-readable {@code code} and a
 * short human {@code reason}. Reasons are fixed phrases: they never echo the secret, the expected signature, the
 * token or any other request content.
 *
 * @param code {@code null} on success, otherwise one of the failure codes declared here
 * @param reason {@code null} on success, otherwise a short explanation
 * @param authenticator the name of the authenticator that failed, when known (set by {@link AuthenticityGate})
 */
public record AuthResult(String code, String reason, String authenticator) {

    /** The signature header is absent or empty. */
    public static final String MISSING_SIGNATURE = "missing_signature";
    /** The signature header is not in the expected shape (prefix, encoding, length, timestamp syntax). */
    public static final String MALFORMED_SIGNATURE = "malformed_signature";
    /** The signature is well formed but does not match the request. */
    public static final String BAD_SIGNATURE = "bad_signature";
    /** The signed timestamp or the token's {@code exp} is outside the allowed window. */
    public static final String EXPIRED = "expired";
    /** The token header is absent or empty. */
    public static final String MISSING_TOKEN = "missing_token";
    /** The token is not a {@code Bearer} compact JWS, is too long, or cannot be parsed. */
    public static final String MALFORMED_TOKEN = "malformed_token";
    /** The token's {@code alg} is not in the allowlist (always the case for {@code none}). */
    public static final String ALGORITHM_NOT_ALLOWED = "algorithm_not_allowed";
    /** No configured key matches the token's {@code kid} and algorithm. */
    public static final String UNKNOWN_KEY = "unknown_key";
    /** The token's {@code iss} differs from the configured issuer. */
    public static final String BAD_ISSUER = "bad_issuer";
    /** The token's {@code aud} shares no value with the configured audiences. */
    public static final String BAD_AUDIENCE = "bad_audience";
    /** The token's {@code nbf} is in the future (beyond the leeway). */
    public static final String NOT_YET_VALID = "not_yet_valid";
    /** The secret's environment variable was not set at cold start; every request is refused. */
    public static final String SECRET_UNAVAILABLE = "secret_unavailable";
    /** A verifier failed unexpectedly; the request is refused (fail closed). */
    public static final String VERIFICATION_ERROR = "verification_error";

    private static final Set<String> CODES = Set.of(
            MISSING_SIGNATURE,
            MALFORMED_SIGNATURE,
            BAD_SIGNATURE,
            EXPIRED,
            MISSING_TOKEN,
            MALFORMED_TOKEN,
            ALGORITHM_NOT_ALLOWED,
            UNKNOWN_KEY,
            BAD_ISSUER,
            BAD_AUDIENCE,
            NOT_YET_VALID,
            SECRET_UNAVAILABLE,
            VERIFICATION_ERROR);

    private static final AuthResult OK = new AuthResult(null, null, null);

    public AuthResult {
        if (code == null ? reason != null : !CODES.contains(code)) {
            throw new IllegalArgumentException("unknown authenticity failure code: " + code);
        }
    }

    /** The successful result. */
    public static AuthResult ok() {
        return OK;
    }

    /** A failure with one of the declared codes and a fixed, content-free reason. */
    public static AuthResult failure(String code, String reason) {
        if (code == null) {
            throw new IllegalArgumentException("a failure needs a code");
        }
        return new AuthResult(code, reason, null);
    }

    /** Whether the request passed. */
    public boolean isOk() {
        return code == null;
    }

    /** This result attributed to the named authenticator (success stays unattributed). */
    public AuthResult from(String authenticatorName) {
        return isOk() ? this : new AuthResult(code, reason, authenticatorName);
    }
}
