package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;

/**
 * Something that invokes a function.
 *
 * @param kind what kind of event source
 * @param functionId the {@link Function#id()} it invokes
 * @param source the queue/topic/bucket/stream/rule ARN or reference; for HTTP the API id
 * @param route the HTTP route for HTTP triggers, else null
 * @param location where the trigger is declared
 * @param url for {@link Kind#FUNCTION_URL}, the URL's settings (also when it targets a function outside this
 *     deployment, where {@code functionId} is null); null for other kinds
 */
public record Trigger(
        Kind kind, String functionId, Value source, HttpRoute route, Location location, Function.FunctionUrl url) {

    /** A trigger that is not a function URL. */
    public Trigger(Kind kind, String functionId, Value source, HttpRoute route, Location location) {
        this(kind, functionId, source, route, location, null);
    }

    /** Event source kinds. */
    public enum Kind {
        HTTP_REST,
        HTTP_API,
        WEBSOCKET,
        FUNCTION_URL,
        ALB,
        SQS,
        SNS,
        S3,
        SCHEDULE,
        EVENTBRIDGE,
        KINESIS,
        DYNAMODB_STREAM,
        KAFKA,
        COGNITO,
        IOT,
        ALEXA,
        OTHER;

        /** True for triggers anyone on the internet can reach when unauthenticated. */
        public boolean isHttp() {
            return this == HTTP_REST || this == HTTP_API || this == WEBSOCKET || this == FUNCTION_URL || this == ALB;
        }
    }
}
