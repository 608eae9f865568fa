package dev.vigil.server.pipeline;

import dev.vigil.server.log.LogRecord;
import dev.vigil.server.store.Tenants;
import java.time.Clock;

/**
 * Removes the ingest envelope from one log record. The ingest layer owns the envelope's format and supplies the
 * decoder; {@link #rawJson} reads records that are the event's JSON bytes themselves.
 */
@FunctionalInterface
public interface RecordDecoder {

    /**
     * The record's tenant, source kind, receive time and original JSON.
     *
     * @throws UndecodableRecordException the envelope is not readable (the record is skipped and counted)
     */
    PipelineInput decode(LogRecord record) throws UndecodableRecordException;

    /**
     * Records that are bare JSON: tenant {@code default}, log source told from the shape, received "now" by {@code
     * clock}.
     */
    static RecordDecoder rawJson(Clock clock) {
        return r -> new PipelineInput(r.offset(), Tenants.DEFAULT, null, clock.millis(), r.payload());
    }
}
