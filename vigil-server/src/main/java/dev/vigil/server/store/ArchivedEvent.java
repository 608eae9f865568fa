package dev.vigil.server.store;

import java.util.Objects;

/**
 * A raw event kept for analysts (the alert detail's "raw event").
 *
 * @param id archive id, increasing with insertion ({@code 0} before it is stored)
 * @param tenant the tenant
 * @param logOffset the event's offset in the durable log, or {@code null}
 * @param receivedAt when the collector received it
 * @param eventTime when it happened
 * @param functionName the function it is about, or {@code null}
 * @param kind the event kind (e.g. {@code invocation}, {@code cloudtrail})
 * @param body the event as JSON text (untrusted)
 */
public record ArchivedEvent(
        long id,
        String tenant,
        Long logOffset,
        long receivedAt,
        long eventTime,
        String functionName,
        String kind,
        String body) {
    public ArchivedEvent {
        tenant = tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }

    /** An event to archive (no id yet). */
    public static ArchivedEvent of(
            String tenant,
            Long logOffset,
            long receivedAt,
            long eventTime,
            String functionName,
            String kind,
            String body) {
        return new ArchivedEvent(0, tenant, logOffset, receivedAt, eventTime, functionName, kind, body);
    }
}
