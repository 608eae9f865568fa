package dev.vigil.server.store;

import java.util.Objects;

/**
 * What a new token may do.
 *
 * @param name what it is for (shown in lists)
 * @param userId the user it acts for, or {@code null}
 * @param role its role
 * @param tenant the tenant it is scoped to ({@code null}: the default tenant)
 * @param functionGroup the function group it is scoped to, or {@code null} for all of the tenant
 * @param expiresAt when it stops working, or {@code null} for never
 */
public record TokenRequest(String name, Long userId, Role role, String tenant, String functionGroup, Long expiresAt) {
    public TokenRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        tenant = tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
    }
}
