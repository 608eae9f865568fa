package dev.vigil.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Users. Credentials are tokens ({@link TokenStore}); no password is stored. */
public final class UserStore {

    private static final String COLUMNS = "id, username, role, disabled, created_at";

    private final Jdbi jdbi;
    private final Clock clock;

    /** Users in {@code database}. */
    public UserStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /** Users in {@code database}, timestamped by {@code clock}. */
    public UserStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException when the name is blank or taken
     */
    public User create(String username, Role role) {
        Objects.requireNonNull(role, "role");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        long now = clock.millis();
        return jdbi.inTransaction(handle -> {
            if (handle.createQuery("SELECT COUNT(*) FROM users WHERE username = :name")
                            .bind("name", username)
                            .mapTo(Long.class)
                            .one()
                    > 0) {
                throw new IllegalArgumentException("user '" + username + "' already exists");
            }
            long id = handle.createQuery("INSERT INTO users (username, role, disabled, created_at)"
                            + " VALUES (:name, :role, :disabled, :now) RETURNING id")
                    .bind("name", username)
                    .bind("role", role.id())
                    .bind("disabled", false)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
            return new User(id, username, role, false, now);
        });
    }

    /** The user with this id. */
    public Optional<User> get(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map(UserStore::map)
                .findOne());
    }

    /** The user with this name. */
    public Optional<User> byUsername(String username) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :name")
                .bind("name", username)
                .map(UserStore::map)
                .findOne());
    }

    /** All users, by name. */
    public List<User> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .map(UserStore::map)
                .list());
    }

    /** Whether any user exists (first start creates the admin when none does). */
    public boolean isEmpty() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM users")
                        .mapTo(Long.class)
                        .one()
                == 0);
    }

    /** Changes a user's role; returns whether the user exists. */
    public boolean setRole(long id, Role role) {
        Objects.requireNonNull(role, "role");
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                        .bind("role", role.id())
                        .bind("id", id)
                        .execute())
                > 0;
    }

    /** Locks a user out or lets them back in; returns whether the user exists. */
    public boolean setDisabled(long id, boolean disabled) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE users SET disabled = :disabled WHERE id = :id")
                        .bind("disabled", disabled)
                        .bind("id", id)
                        .execute())
                > 0;
    }

    private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                Role.parse(rs.getString("role")),
                rs.getBoolean("disabled"),
                rs.getLong("created_at"));
    }
}
