package dev.vigil.core.telemetry;

/**
 * One line of Shield telemetry. Every event names its function and, when inside an invocation, the request id.
 * {@link TelemetryJson} turns events into their JSON-lines form.
 */
public sealed interface TelemetryEvent permits InvocationSummary, SecurityFinding, PolicyViolation, VigilError {

    /** The value of {@code vigil.kind} in the JSON form. */
    String kind();

    /** When it happened, in epoch milliseconds. */
    long timeMillis();

    /** The function it is about. */
    FunctionInfo function();

    /** The invocation's request id, or {@code null} outside an invocation (e.g. cold-start checks). */
    String requestId();
}
