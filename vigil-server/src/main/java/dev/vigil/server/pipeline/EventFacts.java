package dev.vigil.server.pipeline;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;

/**
 * What the pipeline reads from an event besides rule matching: the function it is about and where the activity came
 * from. Shield telemetry names its function in {@code vigil.function.name} and its client in {@code src_endpoint.ip};
 * CloudTrail names a Lambda function in {@code requestParameters.functionName} (a name or an ARN) and its actor in
 * {@code userIdentity.arn}, else {@code sourceIPAddress}.
 */
public final class EventFacts {
    static final FieldPath VIGIL_FUNCTION = FieldPath.of("vigil.function.name");
    static final FieldPath SRC_IP = FieldPath.of("src_endpoint.ip");
    static final FieldPath CT_FUNCTION = FieldPath.of("requestParameters.functionName");
    static final FieldPath CT_LAMBDA_RESOURCE = FieldPath.of("requestParameters.resource");
    static final FieldPath CT_PRINCIPAL = FieldPath.of("userIdentity.arn");
    static final FieldPath CT_SOURCE_IP = FieldPath.of("sourceIPAddress");

    private EventFacts() {}

    /** Whether {@code event} is Shield telemetry ({@code vigil:*}). */
    public static boolean isShield(Event event) {
        return "vigil".equals(event.logSource().product());
    }

    /** Whether {@code event} is a CloudTrail record. */
    public static boolean isCloudTrail(Event event) {
        return LogSource.AWS_CLOUDTRAIL.contains(event.logSource());
    }

    /** The function the event is about, or {@code null}. */
    public static String function(Event event) {
        if (isShield(event)) {
            return event.text(VIGIL_FUNCTION);
        }
        if (isCloudTrail(event)) {
            String name = event.text(CT_FUNCTION);
            return name == null ? null : functionName(name);
        }
        return null;
    }

    /** Where the activity came from, or {@code ""}. */
    public static String source(Event event) {
        String source = null;
        if (isShield(event)) {
            source = event.text(SRC_IP);
        } else if (isCloudTrail(event)) {
            source = event.text(CT_PRINCIPAL);
            if (source == null) {
                source = event.text(CT_SOURCE_IP);
            }
        }
        return source == null ? "" : source;
    }

    /**
     * A function name from what CloudTrail writes: a name, a partial ARN ({@code 123456789012:function:name}) or a
     * full ARN, any of them with a {@code :qualifier}.
     */
    static String functionName(String text) {
        int marker = text.indexOf("function:");
        if (marker < 0) {
            return text;
        }
        String rest = text.substring(marker + "function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
