package dev.vigil.core.telemetry;

import dev.vigil.core.Severity;

/**
 * A detector recognised an attack in the event.
 *
 * @param timeMillis when it was found
 * @param function the function
 * @param requestId the request id
 * @param trigger what invoked the function
 * @param detector the detector's id, e.g. {@code sqli}
 * @param category the attack category, e.g. {@code sqli}
 * @param ruleId the stable rule id, e.g. {@code VGL-SQLI-001}
 * @param title one line saying what was found
 * @param severity how bad it is
 * @param location where in the event, e.g. {@code body.$.order.note} or {@code Records[3].s3.object.key}
 * @param evidence a bounded, escaped fragment of the value (see {@link Evidence})
 * @param decoding the decodings that revealed the attack, e.g. {@code url} or {@code url+html}; empty if none
 * @param action what the Shield did
 * @param recordIndex the batch record, or -1 when the event is not a batch
 * @param sourceIp the client's address for HTTP triggers (OCSF {@code src_endpoint.ip}), or {@code null} when the
 *     trigger has none or it is not a plain IP literal
 */
public record SecurityFinding(
        long timeMillis,
        FunctionInfo function,
        String requestId,
        Trigger trigger,
        String detector,
        String category,
        String ruleId,
        String title,
        Severity severity,
        String location,
        String evidence,
        String decoding,
        Action action,
        int recordIndex,
        String sourceIp)
        implements TelemetryEvent {

    /** A finding without a client address (non-HTTP triggers). */
    public SecurityFinding(
            long timeMillis,
            FunctionInfo function,
            String requestId,
            Trigger trigger,
            String detector,
            String category,
            String ruleId,
            String title,
            Severity severity,
            String location,
            String evidence,
            String decoding,
            Action action,
            int recordIndex) {
        this(
                timeMillis,
                function,
                requestId,
                trigger,
                detector,
                category,
                ruleId,
                title,
                severity,
                location,
                evidence,
                decoding,
                action,
                recordIndex,
                null);
    }

    @Override
    public String kind() {
        return "finding";
    }
}
