package dev.vigil.shield;

import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.core.telemetry.InvocationSummary;
import dev.vigil.core.telemetry.Outcome;
import dev.vigil.core.telemetry.TelemetryJson;
import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.aws.events.EventAdapters;
import dev.vigil.shield.hygiene.ResponseLeakScanner;
import dev.vigil.shield.json.Json;
import java.util.Map;

/**
 * Runs the common paths once on small synthetic events during init (an HTTP API request with a JSON body and an
 * SQS message: parsing, extraction, normalisation, detectors, the response scan and telemetry formatting, all
 * discarded), so their classes are loaded and linked before the first real event. With SnapStart or provisioned
 * concurrency the init phase runs ahead of any request, so this takes most of the Shield's first-invocation cost
 * off the request path; on an on-demand cold start it moves that cost from the first invocation to init.
 */
final class Priming {

    private Priming() {}

    /** Runs the priming events through {@code inspector}; results are discarded. */
    static void run(Inspector inspector, FunctionInfo function) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        for (String json : PRIMING_EVENTS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) Json.parse(json);
            inspector.inspect(event, EventAdapters.forEvent(event), deadline);
            Json.write(event);
        }
        ResponseLeakScanner.scan("{\"ok\":true,\"at\":\"x\"}");
        new TelemetryJson("Vigil Shield")
                .toJson(new InvocationSummary(
                        0,
                        function,
                        "prime",
                        Trigger.API_GATEWAY_HTTP,
                        0,
                        0,
                        true,
                        Outcome.SUCCESS,
                        0,
                        1,
                        "GET",
                        "/",
                        200));
    }

    private static final String[] PRIMING_EVENTS = {
        "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/p\",\"rawQueryString\":\"a=%3Cb%3E\","
                + "\"cookies\":[\"c=1\"],\"headers\":{\"host\":\"p.execute-api.us-east-1.amazonaws.com\","
                + "\"content-type\":\"application/json\"},\"queryStringParameters\":{\"a\":\"<b>\"},"
                + "\"requestContext\":{\"domainName\":\"p.execute-api.us-east-1.amazonaws.com\",\"http\":"
                + "{\"method\":\"POST\",\"path\":\"/p\"}},\"body\":\"{\\\"n\\\":\\\"&amp; \\\\\\\\u0041\\\"}\","
                + "\"isBase64Encoded\":false}",
        "{\"Records\":[{\"messageId\":\"m\",\"body\":\"{\\\"a\\\":[1,\\\"x\\\"]}\",\"messageAttributes\":{},"
                + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:1:q\"}]}",
        // one value shaped for each detector's deeper paths (tokenisers, judges), so their classes load here
        "{\"prime\":[\"1' or 1=1-- \",\"<svg onload=x>\",\"a;id\",\"../../etc/passwd\",\"http://127.0.0.1/\","
                + "\"${jndi:x}\",\"<!DOCTYPE a [<!ENTITY b SYSTEM 'f'>]>\",\"{{7*7}}\",\"rO0ABXNy\","
                + "\"{\\\"$ne\\\":1}\",\"__proto__\",\"a\\r\\nB: c\",\"system('x')\",\"#{x}\"]}"
    };
}
