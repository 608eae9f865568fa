package dev.vigil.cli.demo;

import dev.vigil.shield.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds the demo's events in the shapes AWS delivers them (API Gateway HTTP API payload 2.0, SQS, S3). */
public final class DemoEvents {

    private DemoEvents() {}

    /** An API Gateway HTTP API (payload format 2.0) event. */
    public static byte[] http(String method, String path, String query, Map<String, String> headers, String body) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("host", "q1w2e3.execute-api.us-east-1.amazonaws.com");
        h.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Demo/1.0");
        h.put("accept", "application/json");
        h.putAll(headers);
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", h.get("user-agent"));
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("accountId", "123456789012");
        ctx.put("apiId", "q1w2e3");
        ctx.put("domainName", "q1w2e3.execute-api.us-east-1.amazonaws.com");
        ctx.put("domainPrefix", "q1w2e3");
        ctx.put("http", http);
        ctx.put("requestId", "JKJaXmPLvHcESHA=");
        ctx.put("routeKey", "$default");
        ctx.put("stage", "$default");
        ctx.put("time", "23/Nov/2026:09:00:00 +0000");
        ctx.put("timeEpoch", 1795424400000L);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "2.0");
        e.put("routeKey", "$default");
        e.put("rawPath", path);
        e.put("rawQueryString", query == null ? "" : query);
        e.put("headers", h);
        if (query != null && !query.isEmpty()) {
            Map<String, Object> q = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                q.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
            e.put("queryStringParameters", q);
        }
        e.put("requestContext", ctx);
        if (body != null) {
            e.put("body", body);
        }
        e.put("isBase64Encoded", false);
        return Json.write(e);
    }

    /** An SQS event with one record per body. */
    public static byte[] sqs(List<String> bodies) {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", "6f1c2b3a-0000-4000-8000-00000000000" + i);
            r.put("receiptHandle", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + i);
            r.put("body", bodies.get(i));
            r.put(
                    "attributes",
                    Map.of(
                            "ApproximateReceiveCount", "1",
                            "SentTimestamp", "1795424400000",
                            "SenderId", "AIDAIENQZJOLO23YVJ4VO",
                            "ApproximateFirstReceiveTimestamp", "1795424400001"));
            r.put("messageAttributes", Map.of());
            r.put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:order-events");
            r.put("awsRegion", "us-east-1");
            records.add(r);
        }
        return Json.write(Map.of("Records", records));
    }

    /** An S3 event notification for one new object. */
    public static byte[] s3(String bucket, String key) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", java.net.URLEncoder.encode(key, StandardCharsets.UTF_8));
        object.put("size", 48213);
        object.put("eTag", "0123456789abcdef0123456789abcdef");
        object.put("sequencer", "0A1B2C3D4E5F678901");
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "uploads");
        s3.put("bucket", Map.of("name", bucket, "arn", "arn:aws:s3:::" + bucket));
        s3.put("object", object);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", "us-east-1");
        r.put("eventTime", "2026-11-23T09:00:00.000Z");
        r.put("eventName", "ObjectCreated:Put");
        r.put("s3", s3);
        return Json.write(Map.of("Records", List.of(r)));
    }

    /** GitHub's {@code X-Hub-Signature-256} value for {@code body}. */
    public static String githubSignature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : sig) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
