package dev.vigil.server.pipeline;

import dev.vigil.detect.event.LogSource;

/** The ingest source kinds and the log-source hint each gives the event parser. */
public final class SourceKinds {
    /** Shield telemetry sent by the Shield's HTTP sink. */
    public static final String SHIELD = "shield";

    /** Events of a CloudWatch Logs subscription payload (Shield telemetry written to a log group, usually). */
    public static final String CLOUDWATCH = "cloudwatch";

    /** CloudTrail records. */
    public static final String CLOUDTRAIL = "cloudtrail";

    private SourceKinds() {}

    /**
     * The log source to force for {@code sourceKind}: {@code aws:cloudtrail} for CloudTrail; {@code null} otherwise,
     * so the parser tells the source from the record's shape (Shield telemetry is {@code vigil:<vigil.kind>}, which
     * only the record says), as {@code vigil hunt} does.
     */
    public static LogSource hint(String sourceKind) {
        return CLOUDTRAIL.equals(sourceKind) ? LogSource.AWS_CLOUDTRAIL : null;
    }
}
