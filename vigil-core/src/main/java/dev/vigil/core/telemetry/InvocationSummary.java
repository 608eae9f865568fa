package dev.vigil.core.telemetry;

/**
 * One per invocation: how it went and what the Shield cost.
 *
 * @param timeMillis when the invocation started
 * @param function the function
 * @param requestId the request id
 * @param trigger what invoked it
 * @param durationMicros wall time of the whole wrapped invocation
 * @param shieldMicros the part of it spent inside the Shield (inspection, policy, telemetry hand-off)
 * @param coldStart whether this was the first invocation of this runtime instance
 * @param outcome how it ended
 * @param findings number of security findings and policy violations raised
 * @param records number of records in a batch event (1 for single events)
 * @param httpMethod the HTTP method, for HTTP triggers, else {@code null}
 * @param httpPath the HTTP path, for HTTP triggers, else {@code null}
 * @param httpStatus the response status for HTTP triggers, or 0 when unknown
 * @param sourceIp the client's address for HTTP triggers (OCSF {@code src_endpoint.ip}), else {@code null}
 */
public record InvocationSummary(
        long timeMillis,
        FunctionInfo function,
        String requestId,
        Trigger trigger,
        long durationMicros,
        long shieldMicros,
        boolean coldStart,
        Outcome outcome,
        int findings,
        int records,
        String httpMethod,
        String httpPath,
        int httpStatus,
        String sourceIp)
        implements TelemetryEvent {

    /** A summary without a client address (non-HTTP triggers). */
    public InvocationSummary(
            long timeMillis,
            FunctionInfo function,
            String requestId,
            Trigger trigger,
            long durationMicros,
            long shieldMicros,
            boolean coldStart,
            Outcome outcome,
            int findings,
            int records,
            String httpMethod,
            String httpPath,
            int httpStatus) {
        this(
                timeMillis,
                function,
                requestId,
                trigger,
                durationMicros,
                shieldMicros,
                coldStart,
                outcome,
                findings,
                records,
                httpMethod,
                httpPath,
                httpStatus,
                null);
    }

    @Override
    public String kind() {
        return "invocation";
    }
}
