package dev.vigil.server.store;

/**
 * A stored token, without its secret.
 *
 * @param id stable id
 * @param prefix the first characters of the token, for display ({@code vgl_AbCd1234})
 * @param name what it is for
 * @param userId the user it acts for, or {@code null} (e.g. an ingest token)
 * @param role what it may do
 * @param tenant the tenant it is scoped to
 * @param functionGroup the function group it is scoped to within the tenant, or {@code null} for all
 * @param createdAt when it was issued
 * @param expiresAt when it stops working, or {@code null}
 * @param lastUsedAt when it last authenticated, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 */
public record TokenInfo(
        long id,
        String prefix,
        String name,
        Long userId,
        Role role,
        String tenant,
        String functionGroup,
        long createdAt,
        Long expiresAt,
        Long lastUsedAt,
        Long revokedAt) {

    /** Whether the token works at {@code nowMillis}. */
    public boolean isActive(long nowMillis) {
        return revokedAt == null && (expiresAt == null || nowMillis < expiresAt);
    }
}
