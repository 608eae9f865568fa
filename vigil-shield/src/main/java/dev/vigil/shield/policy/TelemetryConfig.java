package dev.vigil.shield.policy;

/**
 * Where telemetry goes.
 *
 * @param stdout write JSON lines to standard output (CloudWatch Logs picks them up)
 * @param endpoint collector URL for the HTTP sink, or {@code null} for none ({@code VIGIL_ENDPOINT} overrides)
 * @param tokenEnv the environment variable holding the collector's bearer token
 * @param flushTimeoutMs how long the HTTP sink may delay the response while flushing
 * @param queueCapacity how many events the HTTP sink holds before it drops (and counts) new ones
 * @param batchSize how many events one HTTP request carries at most
 */
public record TelemetryConfig(
        boolean stdout, String endpoint, String tokenEnv, int flushTimeoutMs, int queueCapacity, int batchSize) {

    /** The defaults: stdout only; 200 ms flush, 1000 events queued, 100 per request when an endpoint is set. */
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(true, null, "VIGIL_TOKEN", 200, 1000, 100);
    }
}
