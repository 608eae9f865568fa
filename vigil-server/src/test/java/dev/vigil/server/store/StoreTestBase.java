package dev.vigil.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a subclass once on a fresh SQLite file and once on a fresh embedded PostgreSQL database, both
 * migrated by {@link Database#open}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(SharedPostgres.class)
abstract class StoreTestBase {

    /** A fixed "now" for stores that timestamp rows. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    @Parameter
    Backend backend;

    @TempDir
    Path tempDir;

    Database db;

    @BeforeEach
    void openDatabase() {
        db = Database.open(url());
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** The URL of this test's database. */
    String url() {
        return switch (backend) {
            case SQLITE -> "sqlite:" + tempDir.resolve("vigil.db");
            case POSTGRESQL -> postgresUrl();
        };
    }

    private String postgresUrl() {
        if (pgUrl == null) {
            pgUrl = SharedPostgres.newDatabaseUrl();
        }
        return pgUrl;
    }

    private String pgUrl;
}
