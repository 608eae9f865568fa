package dev.vigil.server.pipeline;

import java.nio.charset.StandardCharsets;

/** Shield telemetry and CloudTrail lines shaped as {@code docs/telemetry.md} and CloudTrail write them. */
final class Events {
    /** 2026-11-23T07:00:00Z. */
    static final long T0 = 1_795_417_200_000L;

    private static final String META = "\"metadata\":{\"version\":\"1.3.0\",\"product\":{\"name\":\"Vigil Shield\","
            + "\"vendor_name\":\"Vigil\",\"version\":\"0.1\"}},\"cloud\":{\"provider\":\"AWS\","
            + "\"region\":\"eu-west-1\",\"account\":{\"uid\":\"123456789012\"}}";

    private Events() {}

    /** A finding the Shield blocked (matches VGL-SH-001, and VGL-SH-003 which only feeds VGL-SH-004). */
    static String blockedFinding(long time, String function, String ip) {
        return "{\"time\":" + time + ",\"class_uid\":2004,\"class_name\":\"Detection Finding\",\"severity_id\":4,"
                + META
                + ",\"src_endpoint\":{\"ip\":\"" + ip + "\"},\"vigil\":{\"kind\":\"finding\",\"schema\":1,"
                + "\"function\":{\"name\":\"" + function + "\",\"runtime\":\"java17\"},\"request_id\":\"r1\","
                + "\"trigger\":\"apigw-http\",\"detector\":\"sqli\",\"category\":\"sqli\",\"rule_id\":\"VGL-SQLI-001\","
                + "\"location\":\"query.q\",\"evidence\":\"' OR 1=1 --\",\"action\":\"blocked\",\"record_index\":-1}}";
    }

    /** An invocation summary. */
    static String invocation(long time, String function, long durationMicros, boolean error, boolean coldStart) {
        return "{\"time\":" + time + ",\"class_uid\":4002,\"class_name\":\"HTTP Activity\"," + META
                + ",\"status_id\":" + (error ? 2 : 1) + ",\"vigil\":{\"kind\":\"invocation\",\"schema\":1,"
                + "\"function\":{\"name\":\"" + function + "\",\"runtime\":\"java17\",\"memory_mb\":512},"
                + "\"request_id\":\"r-" + time + "\",\"trigger\":\"apigw-http\",\"duration_us\":" + durationMicros
                + ",\"shield_us\":70,\"cold_start\":" + coldStart + ",\"outcome\":\"" + (error ? "error" : "success")
                + "\",\"findings\":0,\"records\":1}}";
    }

    /** An egress policy violation (matches nothing unless it goes to the metadata service). */
    static String egress(long time, String function, String host, int port) {
        return "{\"time\":" + time + ",\"class_uid\":2004," + META + ",\"dst_endpoint\":{\"hostname\":\"" + host
                + "\",\"port\":" + port + "},\"vigil\":{\"kind\":\"policy_violation\",\"schema\":1,"
                + "\"function\":{\"name\":\"" + function + "\"},\"policy\":\"egress\",\"action\":\"monitored\","
                + "\"attributes\":{\"operation\":\"connect\",\"protocol\":\"tcp\"}}}";
    }

    /** PutFunctionConcurrency to zero (matches VGL-CT-005). */
    static String concurrencyZero(String isoTime, String functionArn, String principalArn) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + principalArn
                + "\",\"accountId\":\"123456789012\"},\"eventTime\":\"" + isoTime + "\","
                + "\"eventSource\":\"lambda.amazonaws.com\",\"eventName\":\"PutFunctionConcurrency20171031\","
                + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.9\",\"userAgent\":\"aws-cli/2\","
                + "\"requestParameters\":{\"functionName\":\"" + functionArn + "\",\"reservedConcurrentExecutions\":0},"
                + "\"responseElements\":{\"reservedConcurrentExecutions\":0},\"eventID\":\"e1\","
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"123456789012\"}";
    }

    /** A harmless CloudTrail read. */
    static String listFunctions(String isoTime) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"arn\":\"arn:aws:iam::123456789012:user/alice\"},\"eventTime\":\"" + isoTime + "\","
                + "\"eventSource\":\"lambda.amazonaws.com\",\"eventName\":\"ListFunctions20150331\","
                + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.10\",\"requestParameters\":null,"
                + "\"responseElements\":null}";
    }

    static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
