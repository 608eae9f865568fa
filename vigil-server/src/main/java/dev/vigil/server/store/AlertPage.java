package dev.vigil.server.store;

import java.util.List;

/**
 * One page of alerts.
 *
 * @param alerts the alerts, newest-created first
 * @param nextCursor the value for {@link AlertQuery#after(Long)} to get the next page, or {@code null} on the last page
 */
public record AlertPage(List<Alert> alerts, Long nextCursor) {
    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
