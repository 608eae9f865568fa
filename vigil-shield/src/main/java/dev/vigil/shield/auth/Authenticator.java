package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;

/**
 * Verifies that an HTTP request really comes from the party the policy names (a webhook sender holding a shared
 * secret, or an identity provider signing JWTs). Implementations are immutable and safe for concurrent use, never
 * throw on hostile input, and never put secrets, expected signatures or tokens into results.
 */
public interface Authenticator {

    /** The policy entry's name, for telemetry. */
    String name();

    /** The verifier type: {@code github}, {@code stripe}, {@code slack}, {@code hmac} or {@code jwt}. */
    String type();

    /** Whether this authenticator guards the request's path (its path globs match, or it has none). */
    boolean appliesTo(HttpRequestView request);

    /**
     * Verifies one request.
     *
     * @param request the request, body bytes exactly as sent
     * @param nowEpochSeconds the current time, for timestamp tolerance and token expiry
     * @return {@link AuthResult#ok()} or a failure with a stable code
     */
    AuthResult verify(HttpRequestView request, long nowEpochSeconds);

    /**
     * A configuration problem found at creation that makes this authenticator refuse every request (for example its
     * secret's environment variable is not set), or {@code null}. The message names settings and variables, never
     * values; callers report it once, at cold start.
     */
    default String configProblem() {
        return null;
    }
}
