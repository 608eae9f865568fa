package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class DatabaseTest extends StoreTestBase {

    @Test
    void migratesOnceAndReopeningIsANoOp() {
        assertThat(db.migrationsApplied()).isEqualTo(1);
        db.close();

        db = Database.open(url());

        assertThat(db.migrationsApplied()).isZero();
        assertThat(db.dialect())
                .isEqualTo(backend == Backend.SQLITE ? Database.Dialect.SQLITE : Database.Dialect.POSTGRESQL);
        int historyRows = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
                        .mapTo(Integer.class)
                        .one());
        assertThat(historyRows).isEqualTo(1);
    }

    @Test
    void sqliteRunsInWalWithForeignKeysAndABusyTimeout() {
        assumeTrue(backend == Backend.SQLITE);
        db.jdbi().useHandle(h -> {
            assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one())
                    .isEqualToIgnoringCase("wal");
            assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one())
                    .isEqualTo(1);
            assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one())
                    .isEqualTo(Database.SQLITE_BUSY_TIMEOUT_MS);
        });
    }

    @Test
    void foreignKeysAreEnforced() {
        assertThatThrownBy(() -> db.jdbi()
                        .useHandle(h -> h.createUpdate("INSERT INTO alert_notes"
                                        + " (alert_id, author, body, created_at) VALUES (:alert, 'a', 'b', 0)")
                                .bind("alert", 12345L)
                                .execute()))
                .isInstanceOf(Exception.class);
    }

    @Test
    void sqliteCreatesTheDirectoryOfItsFile() {
        assumeTrue(backend == Backend.SQLITE);
        try (Database nested = Database.open("sqlite:" + tempDir.resolve("data/dir/vigil.db"))) {
            assertThat(nested.migrationsApplied()).isEqualTo(1);
        }
        assertThat(tempDir.resolve("data/dir/vigil.db")).exists();
    }

    @Test
    void postgresAcceptsJdbcUrlsToo() {
        assumeTrue(backend == Backend.POSTGRESQL);
        String jdbcUrl = "jdbc:" + url().replace("postgres@", "") + "?user=postgres";

        try (Database again = Database.open(jdbcUrl)) {
            assertThat(again.migrationsApplied()).isZero();
            assertThat(again.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
        }
    }

    @Test
    void passwordsAreRedactedFromMessages() {
        assertThat(Database.redact("postgresql://vigil:s3cret@db:5432/vigil"))
                .isEqualTo("postgresql://vigil:***@db:5432/vigil");
    }

    @Test
    void rejectsUnknownUrls() {
        assertThatThrownBy(() -> Database.open("mysql://root:secret@db/vigil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql://root:***@db/vigil")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Database.open("sqlite:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Database.open(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
