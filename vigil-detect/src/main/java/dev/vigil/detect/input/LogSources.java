package dev.vigil.detect.input;

import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.TapeEvent;
import java.util.Locale;

/**
 * Tells what kind of log a record is from its shape, for records whose container gave no hint. Each rule below uses
 * fields that the log type documents as always present:
 *
 * <ul>
 *   <li>{@code eventVersion}, {@code eventSource}, {@code eventName} → {@code aws:cloudtrail}
 *   <li>{@code vigil.kind} and {@code metadata.product.vendor_name = Vigil} → {@code vigil:<vigil.kind>} (Shield
 *       telemetry; the service is the event kind: finding, invocation, policy_violation, vigil_error)
 *   <li>{@code protoPayload.@type = type.googleapis.com/google.cloud.audit.AuditLog} → {@code gcp:gcp.audit}, or
 *       {@code gcp:google_workspace.admin|login} when {@code protoPayload.serviceName} is {@code
 *       admin.googleapis.com}/{@code login.googleapis.com}
 *   <li>Admin SDK reports ({@code kind = admin#reports#activity}) → {@code gcp:google_workspace.<id.applicationName>}
 *       for admin and login
 *   <li>M365 unified audit ({@code Workload}, {@code Operation}, {@code RecordType}) → {@code m365:exchange} for
 *       Exchange, {@code m365:threat_management} for SecurityComplianceCenter, else {@code m365:audit}
 *   <li>Azure diagnostic exports by {@code category}: sign-in log categories → {@code azure:signinlogs}, {@code
 *       AuditLogs} → {@code azure:auditlogs} (or {@code azure:pim} when {@code properties.loggedByService = PIM}),
 *       risk categories → {@code azure:riskdetection}, activity log categories with {@code operationName} and {@code
 *       resourceId} → {@code azure:activitylogs}; Microsoft Graph exports by their fields (sign-ins: {@code
 *       userPrincipalName} + {@code appDisplayName} + {@code conditionalAccessStatus}; directory audits: {@code
 *       activityDisplayName} + {@code loggedByService}; risk detections: {@code riskEventType} + {@code
 *       riskLevel})
 * </ul>
 *
 * Anything else is {@link LogSource#UNKNOWN}.
 */
public final class LogSources {
    private static final FieldPath EVENT_VERSION = FieldPath.of("eventVersion");
    private static final FieldPath EVENT_SOURCE = FieldPath.of("eventSource");
    private static final FieldPath EVENT_NAME = FieldPath.of("eventName");
    private static final FieldPath VIGIL_KIND = FieldPath.of("vigil.kind");
    private static final FieldPath VENDOR = FieldPath.of("metadata.product.vendor_name");
    private static final FieldPath PROTO_TYPE = FieldPath.of("protoPayload.@type");
    private static final FieldPath PROTO_SERVICE = FieldPath.of("protoPayload.serviceName");
    private static final FieldPath KIND = FieldPath.of("kind");
    private static final FieldPath APPLICATION = FieldPath.of("id.applicationName");
    private static final FieldPath WORKLOAD = FieldPath.of("Workload");
    private static final FieldPath OPERATION = FieldPath.of("Operation");
    private static final FieldPath RECORD_TYPE = FieldPath.of("RecordType");
    private static final FieldPath CATEGORY = FieldPath.of("category");
    private static final FieldPath OPERATION_NAME = FieldPath.of("operationName");
    private static final FieldPath RESOURCE_ID = FieldPath.of("resourceId");
    private static final FieldPath LOGGED_BY_SERVICE_IN_PROPERTIES = FieldPath.of("properties.loggedByService");
    private static final FieldPath USER_PRINCIPAL_NAME = FieldPath.of("userPrincipalName");
    private static final FieldPath APP_DISPLAY_NAME = FieldPath.of("appDisplayName");
    private static final FieldPath CONDITIONAL_ACCESS = FieldPath.of("conditionalAccessStatus");
    private static final FieldPath ACTIVITY_DISPLAY_NAME = FieldPath.of("activityDisplayName");
    private static final FieldPath LOGGED_BY_SERVICE = FieldPath.of("loggedByService");
    private static final FieldPath RISK_EVENT_TYPE = FieldPath.of("riskEventType");
    private static final FieldPath RISK_LEVEL = FieldPath.of("riskLevel");

    static final String AUDIT_LOG_TYPE = "type.googleapis.com/google.cloud.audit.AuditLog";

    private LogSources() {}

    /** The log source {@code event}'s shape implies, or {@link LogSource#UNKNOWN}. */
    public static LogSource classify(TapeEvent event) {
        if (event.tape().kind(0) != JsonTape.OBJECT) {
            return LogSource.UNKNOWN;
        }
        if (has(event, EVENT_VERSION) && has(event, EVENT_SOURCE) && has(event, EVENT_NAME)) {
            return LogSource.AWS_CLOUDTRAIL;
        }
        String vigilKind = string(event, VIGIL_KIND);
        if (vigilKind != null && "Vigil".equals(string(event, VENDOR))) {
            return LogSource.of("vigil", vigilKind);
        }
        if (AUDIT_LOG_TYPE.equals(string(event, PROTO_TYPE))) {
            String service = string(event, PROTO_SERVICE);
            if ("admin.googleapis.com".equals(service)) {
                return LogSource.of("gcp", "google_workspace.admin");
            }
            if ("login.googleapis.com".equals(service)) {
                return LogSource.of("gcp", "google_workspace.login");
            }
            return LogSource.of("gcp", "gcp.audit");
        }
        if ("admin#reports#activity".equals(string(event, KIND))) {
            String app = string(event, APPLICATION);
            if ("admin".equals(app) || "login".equals(app)) {
                return LogSource.of("gcp", "google_workspace." + app);
            }
            return LogSource.UNKNOWN;
        }
        if (has(event, WORKLOAD) && has(event, OPERATION) && has(event, RECORD_TYPE)) {
            String workload = string(event, WORKLOAD);
            if ("Exchange".equalsIgnoreCase(workload)) {
                return LogSource.of("m365", "exchange");
            }
            if ("SecurityComplianceCenter".equalsIgnoreCase(workload)) {
                return LogSource.of("m365", "threat_management");
            }
            return LogSource.of("m365", "audit");
        }
        return azure(event);
    }

    private static LogSource azure(TapeEvent event) {
        String category = string(event, CATEGORY);
        if (category != null) {
            switch (category.toLowerCase(Locale.ROOT)) {
                case "signinlogs",
                        "noninteractiveusersigninlogs",
                        "serviceprincipalsigninlogs",
                        "managedidentitysigninlogs" -> {
                    return LogSource.of("azure", "signinlogs");
                }
                case "auditlogs" -> {
                    return "PIM".equalsIgnoreCase(string(event, LOGGED_BY_SERVICE_IN_PROPERTIES))
                            ? LogSource.of("azure", "pim")
                            : LogSource.of("azure", "auditlogs");
                }
                case "riskdetection", "userriskevents", "riskyusers", "serviceprincipalriskevents" -> {
                    return LogSource.of("azure", "riskdetection");
                }
                case "administrative",
                        "security",
                        "servicehealth",
                        "alert",
                        "recommendation",
                        "policy",
                        "autoscale",
                        "resourcehealth" -> {
                    if (has(event, OPERATION_NAME) && has(event, RESOURCE_ID)) {
                        return LogSource.of("azure", "activitylogs");
                    }
                }
                default -> {}
            }
        }
        if (has(event, RISK_EVENT_TYPE) && has(event, RISK_LEVEL)) {
            return LogSource.of("azure", "riskdetection");
        }
        if (has(event, USER_PRINCIPAL_NAME) && has(event, APP_DISPLAY_NAME) && has(event, CONDITIONAL_ACCESS)) {
            return LogSource.of("azure", "signinlogs");
        }
        if (has(event, ACTIVITY_DISPLAY_NAME) && has(event, LOGGED_BY_SERVICE)) {
            return "PIM".equalsIgnoreCase(string(event, LOGGED_BY_SERVICE))
                    ? LogSource.of("azure", "pim")
                    : LogSource.of("azure", "auditlogs");
        }
        return LogSource.UNKNOWN;
    }

    private static boolean has(TapeEvent event, FieldPath path) {
        return event.token(path) >= 0;
    }

    private static String string(TapeEvent event, FieldPath path) {
        int t = event.token(path);
        return t >= 0 && event.tape().kind(t) == JsonTape.STRING ? event.text(t) : null;
    }
}
