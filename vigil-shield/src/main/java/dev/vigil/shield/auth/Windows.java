package dev.vigil.shield.auth;

/** The replay window check shared by the timestamped webhook verifiers. */
final class Windows {

    private Windows() {}

    /** {@code ok} when {@code signedAt} is within {@code tolerance} seconds of {@code now}, else {@code expired}. */
    static AuthResult check(long signedAt, long now, long tolerance) {
        if (signedAt < now - tolerance) {
            return AuthResult.failure(AuthResult.EXPIRED, "signed timestamp is older than the tolerance");
        }
        if (signedAt > now + tolerance) {
            return AuthResult.failure(AuthResult.EXPIRED, "signed timestamp is too far in the future");
        }
        return AuthResult.ok();
    }
}
