package dev.vigil.server.pipeline;

import dev.vigil.server.store.AlertStore;
import dev.vigil.server.store.Database;
import dev.vigil.server.store.EventArchive;
import dev.vigil.server.store.FunctionStore;
import dev.vigil.server.store.RecordedDetection;
import java.util.List;
import java.util.Objects;

/**
 * Writes a batch to the store: alerts in one transaction ({@link AlertStore#recordAll}, idempotent on (event offset,
 * rule)), then the functions inventory, then the raw events. Alerts are exactly-once in effect; the inventory sums and
 * the archive are at-least-once (a crash after they are written and before the position commit counts those records
 * again).
 */
public final class StoreBatchWriter implements BatchWriter {
    private final AlertStore alerts;
    private final FunctionStore functions;
    private final EventArchive archive;

    /** A writer to these stores. */
    public StoreBatchWriter(AlertStore alerts, FunctionStore functions, EventArchive archive) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** A writer to the stores of {@code database}, alerts grouped by {@link AlertStore#DEFAULT_GROUP_WINDOW}. */
    public static StoreBatchWriter of(Database database) {
        return new StoreBatchWriter(new AlertStore(database), new FunctionStore(database), new EventArchive(database));
    }

    @Override
    public StoreWriteResult write(ProcessedBatch batch) {
        int created = 0;
        int updated = 0;
        int replayed = 0;
        if (!batch.detections().isEmpty()) {
            List<RecordedDetection> recorded = alerts.recordAll(batch.detections());
            for (RecordedDetection r : recorded) {
                if (r.replayed()) {
                    replayed++;
                } else if (r.created()) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        if (!batch.activities().isEmpty()) {
            functions.record(batch.activities());
        }
        archive.append(batch.archived());
        return new StoreWriteResult(created, updated, replayed);
    }
}
