package dev.vigil.core.telemetry;

import dev.vigil.core.Severity;
import java.util.Map;

/**
 * The function, its event or its environment broke a rule of the policy: authenticity, hygiene, and later egress,
 * process and file rules.
 *
 * @param timeMillis when it happened
 * @param function the function
 * @param requestId the request id, or {@code null} for cold-start checks
 * @param policy the policy area, e.g. {@code authenticity}, {@code hygiene.env}, {@code hygiene.tmp}
 * @param ruleId the stable rule id, e.g. {@code VGL-AUTH-001}
 * @param title one line saying what was violated
 * @param severity how bad it is
 * @param action what the Shield did
 * @param attributes details as short strings (names, kinds, counts; never secret values)
 * @param sourceIp the client's address when the violation happened in an invocation of an HTTP trigger (OCSF {@code
 *     src_endpoint.ip}), else {@code null}
 */
public record PolicyViolation(
        long timeMillis,
        FunctionInfo function,
        String requestId,
        String policy,
        String ruleId,
        String title,
        Severity severity,
        Action action,
        Map<String, String> attributes,
        String sourceIp)
        implements TelemetryEvent {

    /** A violation without a client address (cold-start checks, non-HTTP triggers). */
    public PolicyViolation(
            long timeMillis,
            FunctionInfo function,
            String requestId,
            String policy,
            String ruleId,
            String title,
            Severity severity,
            Action action,
            Map<String, String> attributes) {
        this(timeMillis, function, requestId, policy, ruleId, title, severity, action, attributes, null);
    }

    public PolicyViolation {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String kind() {
        return "policy_violation";
    }
}
