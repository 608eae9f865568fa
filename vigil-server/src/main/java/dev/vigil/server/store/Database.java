package dev.vigil.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database: SQLite for a single node, PostgreSQL to grow. {@link #open(String)} connects, migrates the
 * schema with Flyway (the same migrations for both, under {@code db/migration}) and exposes {@link Jdbi}.
 *
 * <p><b>SQLite</b> ({@code sqlite:PATH}) runs in WAL mode with {@code synchronous=NORMAL}, foreign keys on, a busy
 * timeout of {@value #SQLITE_BUSY_TIMEOUT_MS} ms and {@code BEGIN IMMEDIATE} transactions (a transaction takes the
 * write lock when it starts, so a read-then-write transaction never fails with {@code SQLITE_BUSY} half way). The
 * pool holds <b>one connection</b>: SQLite allows one writer at a time, so more connections would only trade Java
 * threads waiting for the pool for connections spinning on the file lock. Every caller in this process queues on the
 * pool, fairly and without busy errors; other processes (a backup, the {@code sqlite3} shell) still read
 * concurrently thanks to WAL, and their writes are waited for up to the busy timeout.
 *
 * Consequence for callers: never open a second handle while holding one on the same thread (nested {@code
 * withHandle} calls); pass the handle down instead, or the second call waits for the pool's connection timeout.
 *
 * <p><b>PostgreSQL</b> ({@code postgresql://[user[:password]@]host[:port]/db[?params]} or a {@code
 * jdbc:postgresql://} URL) uses a HikariCP pool of {@value #POSTGRES_POOL_SIZE} connections.
 */
public final class Database implements AutoCloseable {

    /** How long a SQLite connection waits for another process's write lock before failing. */
    public static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    /** Connections in the PostgreSQL pool. */
    public static final int POSTGRES_POOL_SIZE = 8;

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final int migrationsApplied;

    private Database(Dialect dialect, HikariDataSource pool, int migrationsApplied) {
        this.dialect = dialect;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.migrationsApplied = migrationsApplied;
    }

    /**
     * Opens (creating when needed) and migrates the database at {@code url}.
     *
     * @param url {@code sqlite:PATH}, {@code jdbc:sqlite:PATH}, {@code postgresql://…} or {@code jdbc:postgresql://…}
     * @throws IllegalArgumentException for any other form of URL
     */
    public static Database open(String url) {
        if (url == null) {
            throw new IllegalArgumentException("database URL is missing: expected sqlite:PATH or postgresql://…");
        }
        if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
            return openSqlite(url.substring(url.indexOf("sqlite:") + "sqlite:".length()));
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql://")) {
            return openPostgres(url);
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + redact(url) + "': expected sqlite:PATH or postgresql://…");
    }

    private static Database openSqlite(String path) {
        if (path.isBlank()) {
            throw new IllegalArgumentException("sqlite: URL needs a file path, e.g. sqlite:vigil.db");
        }
        createParentDirectories(Path.of(path));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource raw = new SQLiteDataSource(config);
        raw.setUrl("jdbc:sqlite:" + path);
        // Flyway may want a second connection (schema history lock); migrate before the one-connection pool exists.
        int applied = migrate(raw, Dialect.SQLITE);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setMaximumPoolSize(1);
        hikari.setPoolName("vigil-sqlite");
        return new Database(Dialect.SQLITE, new HikariDataSource(hikari), applied);
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database directory " + parent, e);
            }
        }
    }

    private static Database openPostgres(String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        hikari.setPoolName("vigil-postgres");
        if (url.startsWith("jdbc:")) {
            hikari.setJdbcUrl(url);
        } else {
            URI uri = URI.create(url);
            StringBuilder jdbcUrl = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() > 0) {
                jdbcUrl.append(':').append(uri.getPort());
            }
            jdbcUrl.append(uri.getRawPath() == null ? "/" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                jdbcUrl.append('?').append(uri.getRawQuery());
            }
            hikari.setJdbcUrl(jdbcUrl.toString());
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                hikari.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    hikari.setPassword(decode(userInfo.substring(colon + 1)));
                }
            }
        }
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            return new Database(Dialect.POSTGRESQL, pool, migrate(pool, Dialect.POSTGRESQL));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static int migrate(DataSource dataSource, Dialect dialect) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("identity", dialect.identityColumn))
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with any password removed, for messages. */
    static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
    }

    /** The database kind. */
    public Dialect dialect() {
        return dialect;
    }

    /** Jdbi over the pool; handles are cheap, take one per unit of work. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** How many migrations this {@link #open} applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** Closes the pool. */
    @Override
    public void close() {
        pool.close();
    }

    /** The two supported databases and the one place their DDL differs. */
    public enum Dialect {
        SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
        POSTGRESQL("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");

        private final String identityColumn;

        Dialect(String identityColumn) {
            this.identityColumn = identityColumn;
        }
    }
}
