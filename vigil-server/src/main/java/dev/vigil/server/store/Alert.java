package dev.vigil.server.store;

import dev.vigil.core.Severity;

/**
 * A group of detections of one rule, for one function, from one source, close together in time.
 *
 * @param id stable id, increasing with creation
 * @param tenant the tenant
 * @param ruleId the rule
 * @param ruleTitle the rule's title when the alert was created
 * @param severity the rule's level
 * @param functionName the function
 * @param source where the activity came from ({@code ""} when unknown)
 * @param status triage status
 * @param assignee who is on it, or {@code null}
 * @param count detections grouped into this alert
 * @param firstSeen time of the earliest grouped detection
 * @param lastSeen time of the latest grouped detection
 * @param firstEventOffset log offset of the detection that created the alert
 * @param evidence evidence of the first detection (JSON text, untrusted: escape before display), or {@code null}
 * @param createdAt when the alert was stored
 * @param updatedAt when it last changed (new detection or triage)
 * @param resolvedAt when it was last resolved, or {@code null}
 */
public record Alert(
        long id,
        String tenant,
        String ruleId,
        String ruleTitle,
        Severity severity,
        String functionName,
        String source,
        AlertStatus status,
        String assignee,
        long count,
        long firstSeen,
        long lastSeen,
        long firstEventOffset,
        String evidence,
        long createdAt,
        long updatedAt,
        Long resolvedAt) {}
