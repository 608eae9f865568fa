package dev.vigil.shield;

import dev.vigil.shield.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events in the shapes AWS documents for each trigger, built with a value placed where a test wants it. */
final class TestEvents {

    private TestEvents() {}

    static Map<String, Object> apiV1(String path, Map<String, String> query, String body) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("resource", "/{proxy+}");
        e.put("path", path);
        e.put("httpMethod", body == null ? "GET" : "POST");
        e.put("headers", Map.of("Host", "abc.execute-api.us-east-1.amazonaws.com", "Content-Type", "application/json"));
        e.put("multiValueHeaders", Map.of("Host", List.of("abc.execute-api.us-east-1.amazonaws.com")));
        e.put("queryStringParameters", query.isEmpty() ? null : query);
        e.put("pathParameters", Map.of("proxy", path.substring(1)));
        e.put("stageVariables", null);
        e.put(
                "requestContext",
                Map.of(
                        "accountId",
                        "123456789012",
                        "resourceId",
                        "123456",
                        "stage",
                        "prod",
                        "requestId",
                        "c6af9ac6",
                        "identity",
                        Map.of("sourceIp", "203.0.113.9"),
                        "resourcePath",
                        "/{proxy+}",
                        "httpMethod",
                        body == null ? "GET" : "POST",
                        "apiId",
                        "1234567890",
                        "protocol",
                        "HTTP/1.1"));
        e.put("body", body);
        e.put("isBase64Encoded", false);
        return e;
    }

    static Map<String, Object> apiV2(
            String method, String path, String rawQuery, Map<String, String> headers, String body, String domain) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("host", domain);
        h.put("user-agent", "test-agent/1.0");
        h.putAll(headers);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "2.0");
        e.put("routeKey", "$default");
        e.put("rawPath", path);
        e.put("rawQueryString", rawQuery);
        e.put("headers", h);
        if (!rawQuery.isEmpty()) {
            Map<String, Object> q = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            e.put("queryStringParameters", q);
        }
        e.put(
                "requestContext",
                Map.of(
                        "accountId",
                        "123456789012",
                        "apiId",
                        "api-id",
                        "domainName",
                        domain,
                        "domainPrefix",
                        "id",
                        "http",
                        Map.of(
                                "method",
                                method,
                                "path",
                                path,
                                "protocol",
                                "HTTP/1.1",
                                "sourceIp",
                                "203.0.113.9",
                                "userAgent",
                                "test-agent/1.0"),
                        "requestId",
                        "id",
                        "routeKey",
                        "$default",
                        "stage",
                        "$default",
                        "time",
                        "12/Mar/2020:19:03:58 +0000",
                        "timeEpoch",
                        1583348638390L));
        if (body != null) {
            e.put("body", body);
        }
        e.put("isBase64Encoded", false);
        return e;
    }

    static Map<String, Object> apiV2(String path, String rawQuery) {
        return apiV2("GET", path, rawQuery, Map.of(), null, "id.execute-api.us-east-1.amazonaws.com");
    }

    static Map<String, Object> functionUrl(String path, String rawQuery) {
        return apiV2("GET", path, rawQuery, Map.of(), null, "abcdefg.lambda-url.us-east-1.on.aws");
    }

    static Map<String, Object> alb(String path, String query, boolean multiValue) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(
                "requestContext",
                Map.of(
                        "elb",
                        Map.of(
                                "targetGroupArn",
                                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-279XGJDqGZ5rsrHC2Fjr/49e9d65c45c6791a")));
        e.put("httpMethod", "GET");
        e.put("path", path);
        if (multiValue) {
            e.put("multiValueQueryStringParameters", Map.of("q", List.of(query)));
            e.put("multiValueHeaders", Map.of("host", List.of("lambda-alb-123578498.us-east-1.elb.amazonaws.com")));
        } else {
            e.put("queryStringParameters", Map.of("q", query));
            e.put("headers", Map.of("host", "lambda-alb-123578498.us-east-1.elb.amazonaws.com"));
        }
        e.put("body", "");
        e.put("isBase64Encoded", false);
        return e;
    }

    static Map<String, Object> sqs(String... bodies) {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", "msg-" + i);
            r.put("receiptHandle", "MessageReceiptHandle" + i);
            r.put("body", bodies[i]);
            r.put(
                    "attributes",
                    Map.of(
                            "ApproximateReceiveCount",
                            "1",
                            "SentTimestamp",
                            "1523232000000",
                            "SenderId",
                            "123456789012",
                            "ApproximateFirstReceiveTimestamp",
                            "1523232000001"));
            r.put("messageAttributes", Map.of());
            r.put("md5OfBody", "7b270e59b47ff90a553787216d55d91d");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:MyQueue");
            r.put("awsRegion", "us-east-1");
            records.add(r);
        }
        return Map.of("Records", records);
    }

    static Map<String, Object> kinesis(String... payloads) {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("kinesisSchemaVersion", "1.0");
            k.put("partitionKey", "1");
            k.put("sequenceNumber", "4959033343209700000000000000000000000000000000000000000" + i);
            k.put("data", Base64.getEncoder().encodeToString(payloads[i].getBytes(StandardCharsets.UTF_8)));
            k.put("approximateArrivalTimestamp", 1545084650.987);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kinesis", k);
            r.put("eventSource", "aws:kinesis");
            r.put("eventVersion", "1.0");
            r.put("eventID", "shardId-000000000006:4959" + i);
            r.put("eventName", "aws:kinesis:record");
            r.put("invokeIdentityArn", "arn:aws:iam::123456789012:role/lambda-role");
            r.put("awsRegion", "us-east-2");
            r.put("eventSourceARN", "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream");
            records.add(r);
        }
        return Map.of("Records", records);
    }

    static Map<String, Object> dynamodb(String... notes) {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < notes.length; i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("Keys", Map.of("Id", Map.of("N", String.valueOf(100 + i))));
            d.put(
                    "NewImage",
                    Map.of(
                            "Id",
                            Map.of("N", String.valueOf(100 + i)),
                            "Note",
                            Map.of("S", notes[i]),
                            "Tags",
                            Map.of("L", List.of(Map.of("S", "a"), Map.of("M", Map.of("k", Map.of("S", "v")))))));
            d.put("SequenceNumber", "11100000000000000000000" + i);
            d.put("SizeBytes", 26);
            d.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("eventID", "c4ca4238a0b923820dcc509a6f75849" + i);
            r.put("eventName", "INSERT");
            r.put("eventVersion", "1.1");
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", "us-east-1");
            r.put("dynamodb", d);
            r.put(
                    "eventSourceARN",
                    "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899");
            records.add(r);
        }
        return Map.of("Records", records);
    }

    static Map<String, Object> s3(String encodedKey) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodedKey);
        object.put("size", 1024);
        object.put("eTag", "0123456789abcdef0123456789abcdef");
        object.put("sequencer", "0A1B2C3D4E5F678901");
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "testConfigRule");
        s3.put(
                "bucket",
                Map.of(
                        "name",
                        "example-bucket",
                        "ownerIdentity",
                        Map.of("principalId", "EXAMPLE"),
                        "arn",
                        "arn:aws:s3:::example-bucket"));
        s3.put("object", object);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventVersion", "2.0");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", "us-east-1");
        r.put("eventTime", "1970-01-01T00:00:00.000Z");
        r.put("eventName", "ObjectCreated:Put");
        r.put("userIdentity", Map.of("principalId", "EXAMPLE"));
        r.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        r.put("responseElements", Map.of("x-amz-request-id", "EXAMPLE123456789", "x-amz-id-2", "EXAMPLE123/5678"));
        r.put("s3", s3);
        return Map.of("Records", List.of(r));
    }

    static byte[] bytes(Map<String, Object> event) {
        return Json.write(event);
    }
}
