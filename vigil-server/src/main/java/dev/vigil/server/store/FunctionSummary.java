package dev.vigil.server.store;

import java.util.Map;

/**
 * A function of the inventory, as discovered from telemetry.
 *
 * @param tenant the tenant
 * @param name the function name
 * @param runtime runtime id (e.g. {@code java17}), or {@code null}
 * @param region cloud region, or {@code null}
 * @param account cloud account, or {@code null}
 * @param firstSeen earliest activity
 * @param lastSeen latest activity
 * @param invocations invocations counted
 * @param errors invocations that ended in an error
 * @param coldStarts cold starts
 * @param p50Micros median invocation duration (from the histogram, see {@link DurationHistogram})
 * @param p99Micros 99th percentile invocation duration
 * @param triggers trigger type to invocations
 * @param egress destination to connections
 */
public record FunctionSummary(
        String tenant,
        String name,
        String runtime,
        String region,
        String account,
        long firstSeen,
        long lastSeen,
        long invocations,
        long errors,
        long coldStarts,
        long p50Micros,
        long p99Micros,
        Map<String, Long> triggers,
        Map<String, Long> egress) {
    public FunctionSummary {
        triggers = Map.copyOf(triggers);
        egress = Map.copyOf(egress);
    }
}
