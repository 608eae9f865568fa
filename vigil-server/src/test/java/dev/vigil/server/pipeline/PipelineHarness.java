package dev.vigil.server.pipeline;

import dev.vigil.server.log.ConsumerPosition;
import dev.vigil.server.log.EventLog;
import dev.vigil.server.store.Alert;
import dev.vigil.server.store.AlertQuery;
import dev.vigil.server.store.AlertStore;
import dev.vigil.server.store.Database;
import dev.vigil.server.store.EventArchive;
import dev.vigil.server.store.FunctionStore;
import dev.vigil.server.store.RuleStateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A real event log, position file and database in one directory, and pipelines over them. */
final class PipelineHarness implements AutoCloseable {
    final Path directory;
    final EventLog log;
    final Database db;
    final AlertStore alerts;
    final FunctionStore functions;
    final EventArchive archive;
    final RuleStateStore ruleStates;
    final DetectionRules rules = DetectionRules.builtIn();
    PipelineOptions options = PipelineOptions.defaults();

    PipelineHarness(Path directory) throws IOException {
        this(directory, "sqlite:" + directory.resolve("vigil.db"));
    }

    PipelineHarness(Path directory, String databaseUrl) throws IOException {
        this.directory = directory;
        this.log = EventLog.open(directory.resolve("log"));
        this.db = Database.open(databaseUrl);
        this.alerts = new AlertStore(db);
        this.functions = new FunctionStore(db);
        this.archive = new EventArchive(db);
        this.ruleStates = new RuleStateStore(db);
    }

    /** Appends lines to the log and waits until they are durable. */
    void append(String... lines) {
        List<byte[]> records = new ArrayList<>();
        for (String line : lines) {
            records.add(Events.bytes(line));
        }
        log.append(records).join();
    }

    ConsumerPosition position() throws IOException {
        return ConsumerPosition.open(directory.resolve("position"));
    }

    /** A pipeline over the harness's log, with the committed position as it is on disk. */
    Pipeline pipeline() throws IOException {
        return pipeline(StoreBatchWriter.of(db));
    }

    Pipeline pipeline(BatchWriter writer) throws IOException {
        return new Pipeline(
                log,
                position(),
                RecordDecoder.rawJson(Clock.systemUTC()),
                rules,
                ruleStates,
                writer,
                archive,
                options,
                Clock.systemUTC());
    }

    List<Alert> alerts(String ruleId) {
        return alerts.list(AlertQuery.all(1000)).alerts().stream()
                .filter(a -> a.ruleId().equals(ruleId))
                .toList();
    }

    List<Alert> allAlerts() {
        return alerts.list(AlertQuery.all(1000)).alerts();
    }

    @Override
    public void close() throws IOException {
        db.close();
        log.close();
    }
}
