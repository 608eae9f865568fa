package dev.vigil.core.telemetry;

/** The kind of event source that invoked a function. */
public enum Trigger {
    API_GATEWAY_REST("apigw-rest", true, false),
    API_GATEWAY_HTTP("apigw-http", true, false),
    ALB("alb", true, false),
    FUNCTION_URL("function-url", true, false),
    SQS("sqs", false, true),
    SNS("sns", false, false),
    S3("s3", false, false),
    EVENTBRIDGE("eventbridge", false, false),
    KINESIS("kinesis", false, true),
    DYNAMODB_STREAMS("dynamodb-streams", false, true),
    UNKNOWN("unknown", false, false);

    private final String id;
    private final boolean http;
    private final boolean batch;

    Trigger(String id, boolean http, boolean batch) {
        this.id = id;
        this.http = http;
        this.batch = batch;
    }

    /** The stable identifier used in telemetry, e.g. {@code apigw-http}. */
    public String id() {
        return id;
    }

    /** Whether the trigger carries an HTTP request and expects an HTTP-shaped response. */
    public boolean isHttp() {
        return http;
    }

    /**
     * Whether the trigger delivers a batch whose records can be dropped or reported one by one
     * ({@code batchItemFailures}).
     */
    public boolean isBatch() {
        return batch;
    }

    /** Looks a trigger up by its {@link #id()}; unknown ids give {@link #UNKNOWN}. */
    public static Trigger fromId(String id) {
        for (Trigger t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
