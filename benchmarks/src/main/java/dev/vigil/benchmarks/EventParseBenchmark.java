package dev.vigil.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.TapeEvent;
import dev.vigil.detect.input.EventParser;
import dev.vigil.detect.input.RawRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of turning one CloudTrail record into an event: a bare Jackson streaming parse ({@code nextToken()} over every
 * token, the floor for any JSON reader) against Vigil's tape parser plus one {@code eventName} lookup, the work {@code
 * vigil hunt} does per record before rules run. Records are synthetic CloudTrail-shaped JSON built here (≈1.2 KB, a
 * few shapes), single thread; one operation = one record.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EventParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventParseBenchmark {
    private static final FieldPath EVENT_NAME = FieldPath.of("eventName");

    private final JsonFactory factory = new JsonFactory();
    private byte[][] records;
    private RawRecord[] raw;
    private int next;

    @Setup
    public void setUp() {
        records = new byte[][] {
            record(
                    "s3.amazonaws.com",
                    "GetObject",
                    "{\"bucketName\":\"example-logs-111122223333\",\"Host\":"
                            + "\"example-logs-111122223333.s3.eu-west-1.amazonaws.com\",\"key\":\"AWSLogs/111122223333/"
                            + "CloudTrail/eu-west-1/2024/01/02/file.json.gz\"}",
                    "null"),
            record(
                    "iam.amazonaws.com",
                    "CreateAccessKey",
                    "{\"userName\":\"deploy-bot\"}",
                    "{\"accessKey\":{\"accessKeyId\":\"AKIAEXAMPLEEXAMPLE01\",\"status\":\"Active\",\"userName\":"
                            + "\"deploy-bot\",\"createDate\":\"Jan 2, 2024 3:04:05 AM\"}}"),
            record(
                    "ec2.amazonaws.com",
                    "DescribeInstances",
                    "{\"instancesSet\":{},\"filterSet\":{\"items\":"
                            + "[{\"name\":\"instance-state-name\",\"valueSet\":{\"items\":[{\"value\":\"running\"}]}}]}}",
                    "null"),
            record(
                    "sts.amazonaws.com",
                    "AssumeRole",
                    "{\"roleArn\":\"arn:aws:iam::111122223333:role/ops\","
                            + "\"roleSessionName\":\"session-\\u00e9t\\u00e9\",\"durationSeconds\":3600}",
                    "{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLEEXAMPLE02\",\"sessionToken\":\"" + "x".repeat(200)
                            + "\",\"expiration\":\"Jan 2, 2024 4:04:05 AM\"}}"),
        };
        raw = new RawRecord[records.length];
        for (int i = 0; i < records.length; i++) {
            raw[i] = new RawRecord(records[i], 0, records[i].length, EventOrigin.NONE, LogSource.UNKNOWN);
        }
    }

    /** A CloudTrail-shaped record. */
    static byte[] record(String source, String name, String request, String response) {
        String json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
                + "\"AROAEXAMPLEEXAMPLE:alice\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/admin/alice\","
                + "\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLEEXAMPLE00\",\"sessionContext\":"
                + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLEEXAMPLE\",\"arn\":"
                + "\"arn:aws:iam::111122223333:role/admin\",\"accountId\":\"111122223333\",\"userName\":\"admin\"},"
                + "\"webIdFederationData\":{},\"attributes\":{\"creationDate\":\"2024-01-02T02:00:00Z\","
                + "\"mfaAuthenticated\":\"false\"}}},\"eventTime\":\"2024-01-02T03:04:05Z\",\"eventSource\":\""
                + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":"
                + "\"192.0.2.44\",\"userAgent\":\"aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22 "
                + "prompt/off command/" + name + "\",\"requestParameters\":" + request + ",\"responseElements\":"
                + response + ",\"requestID\":\"5f1c2d3e-0000-4000-8000-000000000001\",\"eventID\":"
                + "\"9a8b7c6d-0000-4000-8000-000000000002\",\"readOnly\":false,\"resources\":[{\"accountId\":"
                + "\"111122223333\",\"type\":\"AWS::IAM::Role\",\"ARN\":\"arn:aws:iam::111122223333:role/ops\"}],"
                + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                + "\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":"
                + "\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"" + source + "\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The floor: Jackson's streaming parser over every token, no values read. */
    @Benchmark
    public int jacksonStreaming() throws IOException {
        byte[] record = records[next++ & 3];
        int tokens = 0;
        try (JsonParser parser = factory.createParser(record)) {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                tokens += t.ordinal();
            }
        }
        return tokens;
    }

    /** Vigil's tape parser, classification, and one field lookup. */
    @Benchmark
    public String tapeParseAndLookup() {
        TapeEvent event = EventParser.parse(raw[next++ & 3], null);
        return event.text(EVENT_NAME);
    }
}
