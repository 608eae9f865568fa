package dev.vigil.server.pipeline;

import dev.vigil.server.ingest.IngestRecord;
import dev.vigil.server.ingest.SourceKind;
import dev.vigil.server.log.LogRecord;

/**
 * Removes the ingest layer's envelope ({@link IngestRecord}) from each log record: the token's tenant, the endpoint
 * the event came through and the time it was accepted travel with the event into detection and the store.
 */
public final class IngestRecordDecoder implements RecordDecoder {

    @Override
    public PipelineInput decode(LogRecord record) throws UndecodableRecordException {
        IngestRecord r;
        try {
            r = IngestRecord.decode(record.payload());
        } catch (IllegalArgumentException e) {
            throw new UndecodableRecordException(e.getMessage());
        }
        return new PipelineInput(record.offset(), r.tenant(), sourceKind(r.source()), r.receivedAtMillis(), r.event());
    }

    /** The pipeline's name for an ingest endpoint: events posted to {@code /api/v1/events} are Shield telemetry. */
    static String sourceKind(SourceKind kind) {
        return switch (kind) {
            case EVENTS -> SourceKinds.SHIELD;
            case CLOUDWATCH -> SourceKinds.CLOUDWATCH;
            case CLOUDTRAIL -> SourceKinds.CLOUDTRAIL;
        };
    }
}
