package dev.vigil.server.pipeline;

import dev.vigil.server.store.Tenants;
import java.util.Objects;

/**
 * One log record as the pipeline sees it, after the ingest envelope is removed.
 *
 * @param offset the record's offset in the event log
 * @param tenant the tenant it was ingested for ({@code default} when blank)
 * @param sourceKind what sent it: {@link SourceKinds#SHIELD}, {@link SourceKinds#CLOUDWATCH}, {@link
 *     SourceKinds#CLOUDTRAIL}, or {@code null} when unknown (the log source is then told from the record's shape)
 * @param receivedAtMillis when the collector received it
 * @param json the original event, one JSON object as UTF-8 bytes; the array is not copied
 */
public record PipelineInput(long offset, String tenant, String sourceKind, long receivedAtMillis, byte[] json) {
    /** Defaults a blank tenant. */
    public PipelineInput {
        tenant = tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
        Objects.requireNonNull(json, "json");
    }
}
