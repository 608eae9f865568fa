package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every applicable authenticator on a request and returns the first failure, attributed to the authenticator
 * that produced it, or success. A request no authenticator applies to passes. Immutable and thread-safe.
 */
public final class AuthenticityGate {

    private final List<Authenticator> authenticators;

    /** A gate over the given authenticators, checked in list order. */
    public AuthenticityGate(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    /**
     * Checks one request.
     *
     * @return {@link AuthResult#ok()} if every applicable authenticator accepts it, else the first failure with
     *     {@link AuthResult#authenticator()} set; an authenticator that throws fails closed with
     *     {@code verification_error}
     */
    public AuthResult check(HttpRequestView request, long nowEpochSeconds) {
        for (Authenticator authenticator : authenticators) {
            AuthResult result;
            try {
                if (!authenticator.appliesTo(request)) {
                    continue;
                }
                result = authenticator.verify(request, nowEpochSeconds);
            } catch (RuntimeException e) {
                result = AuthResult.failure(AuthResult.VERIFICATION_ERROR, "verifier failed unexpectedly");
            }
            if (result == null || !result.isOk()) {
                return (result == null
                                ? AuthResult.failure(AuthResult.VERIFICATION_ERROR, "verifier returned no result")
                                : result)
                        .from(authenticator.name());
            }
        }
        return AuthResult.ok();
    }

    /** The authenticators, in order. */
    public List<Authenticator> authenticators() {
        return authenticators;
    }

    /** Whether there is nothing to check. */
    public boolean isEmpty() {
        return authenticators.isEmpty();
    }

    /** The configuration problems of the authenticators ({@link Authenticator#configProblem()}), to report once. */
    public List<String> configProblems() {
        List<String> out = new ArrayList<>();
        for (Authenticator authenticator : authenticators) {
            String problem = authenticator.configProblem();
            if (problem != null) {
                out.add(problem);
            }
        }
        return List.copyOf(out);
    }
}
