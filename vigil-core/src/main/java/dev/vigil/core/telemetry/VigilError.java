package dev.vigil.core.telemetry;

/**
 * Vigil itself went wrong or gave up (fail open). The function ran normally.
 *
 * @param timeMillis when it happened
 * @param function the function
 * @param requestId the request id, or {@code null}
 * @param code a stable code, e.g. {@code budget_exceeded}, {@code detector_failed}, {@code telemetry_dropped}
 * @param component the part of Vigil that failed, e.g. {@code detector:sqli}, {@code sink:http}
 * @param message what happened, without event content or secrets
 * @param count how many times it happened since the last report (1 for single failures)
 */
public record VigilError(
        long timeMillis,
        FunctionInfo function,
        String requestId,
        String code,
        String component,
        String message,
        long count)
        implements TelemetryEvent {

    @Override
    public String kind() {
        return "vigil_error";
    }
}
