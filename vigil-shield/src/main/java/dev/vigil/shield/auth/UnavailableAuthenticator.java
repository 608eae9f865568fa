package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;

/**
 * Stands in for an authenticator whose secret could not be read at cold start: it refuses every request it guards
 * with {@code secret_unavailable}, because the operator asked for authenticity and it cannot be proven.
 */
final class UnavailableAuthenticator extends ScopedAuthenticator {

    private final String problem;

    UnavailableAuthenticator(String name, String type, PathScope scope, String problem) {
        super(name, type, scope);
        this.problem = problem;
    }

    @Override
    public AuthResult verify(HttpRequestView request, long nowEpochSeconds) {
        return AuthResult.failure(AuthResult.SECRET_UNAVAILABLE, "verification secret is not configured");
    }

    @Override
    public String configProblem() {
        return problem;
    }
}
