package dev.vigil.server.store;

import dev.vigil.core.Severity;
import java.util.Set;

/**
 * Which alerts to list. Empty sets and {@code null} values mean "any". Alerts come newest-created first; pass the
 * previous page's {@link AlertPage#nextCursor()} as {@code afterId} for the next page (a keyset cursor on the alert
 * id, so pages stay stable while alerts keep counting).
 *
 * @param tenant only this tenant
 * @param statuses only these statuses
 * @param severities only these severities
 * @param functionName only this function
 * @param ruleId only this rule
 * @param fromMillis only alerts whose last detection is at or after this time
 * @param toMillis only alerts whose first detection is before this time
 * @param afterId only alerts with an id below this one (the cursor)
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record AlertQuery(
        String tenant,
        Set<AlertStatus> statuses,
        Set<Severity> severities,
        String functionName,
        String ruleId,
        Long fromMillis,
        Long toMillis,
        Long afterId,
        int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public AlertQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** All alerts, {@code limit} at a time. */
    public static AlertQuery all(int limit) {
        return new AlertQuery(null, Set.of(), Set.of(), null, null, null, null, null, limit);
    }

    /** This query restricted to the given statuses. */
    public AlertQuery withStatuses(Set<AlertStatus> s) {
        return new AlertQuery(tenant, s, severities, functionName, ruleId, fromMillis, toMillis, afterId, limit);
    }

    /** This query restricted to the given severities. */
    public AlertQuery withSeverities(Set<Severity> s) {
        return new AlertQuery(tenant, statuses, s, functionName, ruleId, fromMillis, toMillis, afterId, limit);
    }

    /** This query restricted to one function. */
    public AlertQuery withFunction(String name) {
        return new AlertQuery(tenant, statuses, severities, name, ruleId, fromMillis, toMillis, afterId, limit);
    }

    /** This query restricted to alerts active in {@code [from, to)}. */
    public AlertQuery withTimeRange(Long from, Long to) {
        return new AlertQuery(tenant, statuses, severities, functionName, ruleId, from, to, afterId, limit);
    }

    /** The page after the given cursor. */
    public AlertQuery after(Long cursor) {
        return new AlertQuery(tenant, statuses, severities, functionName, ruleId, fromMillis, toMillis, cursor, limit);
    }
}
