package dev.vigil.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.ingest.IngestApi;
import dev.vigil.server.ingest.IngestLimits;
import dev.vigil.server.ingest.IngestServer;
import dev.vigil.server.log.LogRecord;
import dev.vigil.server.store.Alert;
import dev.vigil.server.store.Role;
import dev.vigil.server.store.TokenRequest;
import dev.vigil.server.store.TokenStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telemetry posted over HTTP with an ingest token becomes an alert of the token's tenant. */
class IngestToAlertTest {
    @TempDir
    Path dir;

    @Test
    void postedShieldFindingBecomesATenantAlert() throws Exception {
        try (PipelineHarness h = new PipelineHarness(dir)) {
            String token = new TokenStore(h.db)
                    .issue(new TokenRequest("shield", null, Role.INGEST, "acme", null, null))
                    .plainText();
            IngestServer server =
                    IngestServer.start("127.0.0.1", 0, h.log, new TokenStore(h.db), IngestLimits.defaults());
            try {
                String body = Events.invocation(Events.T0, "orders", 5_000, false, false) + "\n"
                        + Events.blockedFinding(Events.T0 + 1, "orders", "203.0.113.7") + "\n";
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(server.baseUri().resolve(IngestApi.EVENTS_PATH))
                                        .header("Authorization", "Bearer " + token)
                                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(202);
            } finally {
                server.close();
            }

            Pipeline pipeline = new Pipeline(
                    h.log,
                    h.position(),
                    new IngestRecordDecoder(),
                    h.rules,
                    h.ruleStates,
                    StoreBatchWriter.of(h.db),
                    h.archive,
                    h.options,
                    Clock.systemUTC());
            pipeline.runUntilCaughtUp();

            List<Alert> alerts = h.alerts("VGL-SH-001");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).tenant()).isEqualTo("acme");
            assertThat(alerts.get(0).functionName()).isEqualTo("orders");
            assertThat(pipeline.stats().malformed()).isZero();
        }
    }

    @Test
    void aRecordWithoutTheEnvelopeIsUndecodable() {
        LogRecord bare = new LogRecord(7, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        try {
            new IngestRecordDecoder().decode(bare);
            org.assertj.core.api.Assertions.fail("decoded a record without the ingest envelope");
        } catch (UndecodableRecordException e) {
            assertThat(e.getMessage()).contains("not an ingest record");
        }
    }
}
