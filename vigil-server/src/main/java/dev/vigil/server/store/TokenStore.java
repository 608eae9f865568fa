package dev.vigil.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * API tokens. Only the SHA-256 of a token and a short display prefix are stored (see {@link TokenSecrets}); a token is
 * found by the hash of what the client presents.
 */
public final class TokenStore {

    /** {@code last_used_at} is refreshed at most this often per token, so authentication rarely writes. */
    public static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private static final String COLUMNS = "id, prefix, name, user_id, role, tenant, function_group, created_at,"
            + " expires_at, last_used_at, revoked_at";

    private final Jdbi jdbi;
    private final Clock clock;

    /** Tokens in {@code database}. */
    public TokenStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /** Tokens in {@code database}, timestamped by {@code clock}. */
    public TokenStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Issues a new random token. The returned plain text is the only copy. */
    public IssuedToken issue(TokenRequest request) {
        Objects.requireNonNull(request, "request");
        String plain = TokenSecrets.generate();
        String prefix = TokenSecrets.displayPrefix(plain);
        long now = clock.millis();
        long id = jdbi.withHandle(handle -> handle.createQuery("INSERT INTO tokens (token_hash, prefix, name,"
                        + " user_id, role, tenant, function_group, created_at, expires_at) VALUES (:hash, :prefix,"
                        + " :name, :user, :role, :tenant, :group, :now, :expires) RETURNING id")
                .bind("hash", TokenSecrets.hash(plain))
                .bind("prefix", prefix)
                .bind("name", request.name())
                .bind("user", request.userId())
                .bind("role", request.role().id())
                .bind("tenant", request.tenant())
                .bind("group", request.functionGroup())
                .bind("now", now)
                .bind("expires", request.expiresAt())
                .mapTo(Long.class)
                .one());
        return new IssuedToken(
                plain,
                new TokenInfo(
                        id,
                        prefix,
                        request.name(),
                        request.userId(),
                        request.role(),
                        request.tenant(),
                        request.functionGroup(),
                        now,
                        request.expiresAt(),
                        null,
                        null));
    }

    /**
     * The active token matching a presented bearer token, if any: not revoked, not expired, and (when it belongs to a
     * user) that user not disabled. Records the use.
     */
    public Optional<TokenInfo> authenticate(String presented) {
        if (presented == null || !presented.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<TokenInfo> found = jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM tokens t WHERE token_hash = :hash AND (user_id IS NULL OR NOT EXISTS"
                        + " (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.disabled = :disabled))")
                .bind("hash", TokenSecrets.hash(presented))
                .bind("disabled", true)
                .map(TokenStore::map)
                .findOne());
        if (found.isEmpty() || !found.get().isActive(now)) {
            return Optional.empty();
        }
        TokenInfo token = found.get();
        if (token.lastUsedAt() == null || now - token.lastUsedAt() >= LAST_USED_GRANULARITY.toMillis()) {
            jdbi.useHandle(handle -> handle.createUpdate("UPDATE tokens SET last_used_at = :now WHERE id = :id")
                    .bind("now", now)
                    .bind("id", token.id())
                    .execute());
        }
        return found;
    }

    /** Every token, newest first (revoked ones included, for the audit trail). */
    public List<TokenInfo> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM tokens ORDER BY id DESC")
                .map(TokenStore::map)
                .list());
    }

    /** Revokes a token; returns whether an active token was revoked. */
    public boolean revoke(long id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .bind("now", clock.millis())
                        .bind("id", id)
                        .execute())
                > 0;
    }

    private static TokenInfo map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TokenInfo(
                rs.getLong("id"),
                rs.getString("prefix"),
                rs.getString("name"),
                nullableLong(rs, "user_id"),
                Role.parse(rs.getString("role")),
                rs.getString("tenant"),
                rs.getString("function_group"),
                rs.getLong("created_at"),
                nullableLong(rs, "expires_at"),
                nullableLong(rs, "last_used_at"),
                nullableLong(rs, "revoked_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
