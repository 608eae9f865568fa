package dev.vigil.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL server for the whole test run (started by the first test class that needs it, closed by
 * JUnit when the run ends), and a fresh database in it for every test.
 */
final class SharedPostgres implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE).computeIfAbsent("server", key -> new Server(), Server.class);
    }

    /** A new empty database, as a {@code postgresql://} URL for {@link Database#open}. */
    static String newDatabaseUrl() {
        if (server == null) {
            throw new IllegalStateException("SharedPostgres extension is not registered on the test class");
        }
        String name = "vigil_test_" + DATABASES.incrementAndGet();
        try (Connection c = server.postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name); // name built from a counter, not input
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return "postgresql://postgres@localhost:" + server.postgres.getPort() + "/" + name;
    }

    private static final class Server implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        Server() {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
