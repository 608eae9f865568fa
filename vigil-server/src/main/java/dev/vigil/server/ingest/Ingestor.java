package dev.vigil.server.ingest;

import dev.vigil.server.log.EventLog;
import dev.vigil.server.log.LogBehindException;
import dev.vigil.server.store.TokenInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a decoded request body into {@link IngestRecord}s and appends them to the event log as one batch. The returned
 * future completes only once the log has forced the batch to disk, so an acknowledgement means durable.
 */
public final class Ingestor {
    /** Frame header bytes the log adds per record (length and CRC). */
    private static final int FRAME_HEADER_BYTES = 8;

    private final EventLog log;
    private final IngestLimits limits;
    private final Clock clock;

    /** An ingestor writing to {@code log} under {@code limits}. */
    public Ingestor(EventLog log, IngestLimits limits, Clock clock) {
        this.log = log;
        this.limits = limits;
        this.clock = clock;
    }

    /** The limits requests are held to. */
    public IngestLimits limits() {
        return limits;
    }

    /**
     * Splits {@code body} as {@code source} dictates and appends every valid event, stamped with the token's tenant
     * and function group.
     *
     * @throws IngestException the body as a whole is refused (400, 413)
     * @throws LogBehindException the log is behind: nothing was appended, retry later
     * @throws IllegalStateException the log is closed or stopped after a write error
     */
    public CompletableFuture<IngestOutcome> ingest(SourceKind source, TokenInfo token, byte[] body) {
        EventBatch batch = split(source, token, body);
        if (batch.events().isEmpty()) {
            return CompletableFuture.completedFuture(outcome(batch, null));
        }
        long receivedAt = clock.millis();
        List<byte[]> records = new ArrayList<>(batch.events().size());
        long frameBytes = 0;
        for (byte[] event : batch.events()) {
            byte[] record = new IngestRecord(
                            source, receivedAt, token.tenant(), token.functionGroup(), batch.origin(), event)
                    .encode();
            records.add(record);
            frameBytes += record.length + FRAME_HEADER_BYTES;
        }
        if (frameBytes > log.options().maxPendingBytes()) {
            throw IngestException.tooLarge("request holds " + frameBytes + " bytes of events, more than the log"
                    + " accepts at once (" + log.options().maxPendingBytes() + "); send smaller batches");
        }
        return log.append(records).thenApply(result -> outcome(batch, result.firstOffset()));
    }

    private EventBatch split(SourceKind source, TokenInfo token, byte[] body) {
        int envelope = IngestRecord.envelopeBytes(token.tenant(), token.functionGroup(), null);
        int maxEventBytes = Math.min(limits.maxEventBytes(), log.options().maxRecordBytes() - envelope);
        EventBatch batch = new EventBatch(maxEventBytes, limits.maxDepth());
        switch (source) {
            case EVENTS -> EventsFormat.split(body, batch, limits);
            case CLOUDWATCH -> CloudWatchFormat.split(body, batch, limits);
            case CLOUDTRAIL -> CloudTrailFormat.split(body, batch, limits);
        }
        return batch;
    }

    private static IngestOutcome outcome(EventBatch batch, Long firstOffset) {
        return new IngestOutcome(
                firstOffset == null ? 0 : batch.events().size(),
                batch.reasons(),
                batch.rejectedCount(),
                batch.skippedCount(),
                firstOffset);
    }
}
