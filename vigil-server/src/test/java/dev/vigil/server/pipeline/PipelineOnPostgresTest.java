package dev.vigil.server.pipeline;

import static dev.vigil.server.pipeline.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same store path on embedded PostgreSQL: alerts, grouping, replay and the inventory. */
class PipelineOnPostgresTest {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void alertsGroupAndReplayAddsNothing() throws Exception {
        String url = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
        try (PipelineHarness h = new PipelineHarness(dir, url)) {
            h.append(
                    Events.blockedFinding(T0, "orders", "203.0.113.7"),
                    Events.blockedFinding(T0 + 1, "orders", "203.0.113.7"),
                    Events.invocation(T0 + 2, "orders", 2_000, true, false),
                    Events.concurrencyZero("2026-11-23T07:00:05Z", "orders", "arn:aws:iam::123456789012:user/m"));
            h.pipeline().runUntilCaughtUp();

            assertThat(h.alerts("VGL-SH-001"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.count()).isEqualTo(2));
            assertThat(h.alerts("VGL-CT-005")).hasSize(1);
            assertThat(h.functions.get("default", "orders"))
                    .hasValueSatisfying(f -> assertThat(f.errors()).isEqualTo(1));

            Files.delete(dir.resolve("position"));
            Pipeline replay = h.pipeline();
            replay.runUntilCaughtUp();
            assertThat(replay.stats().replayed()).isEqualTo(3);
            assertThat(h.alerts("VGL-SH-001"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.count()).isEqualTo(2));
        }
    }
}
