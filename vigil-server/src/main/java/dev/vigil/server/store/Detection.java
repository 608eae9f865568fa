package dev.vigil.server.store;

import dev.vigil.core.Severity;
import java.util.Objects;

/**
 * One rule matching one event, as the pipeline hands it to {@link AlertStore#record}.
 *
 * @param eventOffset the event's position in the durable log; with {@code ruleId} it identifies the detection, so a
 *     replay of the same offset is recognised
 * @param ruleId the rule's stable id
 * @param ruleTitle the rule's title
 * @param severity the rule's level
 * @param tenant the tenant the event was ingested for
 * @param functionName the function the event is about ({@code unknown} when none)
 * @param source where the activity came from (client address, principal, ...); {@code ""} when unknown
 * @param timeMillis when the event happened
 * @param evidence what matched, as JSON text; kept from the first detection of an alert; may be {@code null}
 */
public record Detection(
        long eventOffset,
        String ruleId,
        String ruleTitle,
        Severity severity,
        String tenant,
        String functionName,
        String source,
        long timeMillis,
        String evidence) {

    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        ruleTitle = ruleTitle == null ? ruleId : ruleTitle;
        tenant = tenant == null || tenant.isBlank() ? Tenants.DEFAULT : tenant;
        functionName = functionName == null || functionName.isBlank() ? "unknown" : functionName;
        source = source == null ? "" : source;
    }
}
