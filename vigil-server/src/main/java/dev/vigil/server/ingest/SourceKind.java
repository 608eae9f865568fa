package dev.vigil.server.ingest;

/** Where an ingested event came from; stored as one byte in each {@link IngestRecord}. */
public enum SourceKind {
    /** A JSON object posted to {@code /api/v1/events}, typically Shield telemetry. */
    EVENTS(1),
    /** The JSON message of a CloudWatch Logs subscription log event. */
    CLOUDWATCH(2),
    /** One element of a CloudTrail file's {@code Records} array. */
    CLOUDTRAIL(3);

    private final int code;

    SourceKind(int code) {
        this.code = code;
    }

    /** The byte written to the record. */
    public int code() {
        return code;
    }

    /** The kind with byte {@code code}. */
    public static SourceKind fromCode(int code) {
        for (SourceKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source kind " + code);
    }
}
