package dev.vigil.benchmarks;

import dev.vigil.cli.hunt.DetectAdapter;
import dev.vigil.cli.hunt.RecordParser;
import dev.vigil.detect.engine.SigmaEngine;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.input.RawRecord;
import dev.vigil.detect.rule.RuleLoader;
import dev.vigil.detect.rule.RuleSet;
import dev.vigil.detect.rule.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of Sigma matching per CloudTrail event, single thread: {@code parseAndMatch} (the fast parser, then routing
 * and the rule index, as {@code vigil hunt} does per record), {@code matchOnly} (events parsed once in setup; event
 * implementations may cache resolved fields, so this is the warm figure) and {@code parseOnly}. Five realistic
 * events (one of which matches nothing, as most records do) rotate; eight SigmaHQ-style rules written for this
 * benchmark cover exact values, lists, prefixes, a negated filter, a regex and a CIDR.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SigmaMatchBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigmaMatchBenchmark {

    static final String RULES = String.join(
            "\n",
            "title: CloudTrail logging stopped or deleted",
            "id: 7c1f0b7e-0000-4000-8000-000000000001",
            "author: Vigil benchmark",
            "level: high",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventSource: cloudtrail.amazonaws.com",
            "    eventName: [StopLogging, DeleteTrail, UpdateTrail]",
            "  condition: selection",
            "---",
            "title: Root account console login",
            "id: 7c1f0b7e-0000-4000-8000-000000000002",
            "author: Vigil benchmark",
            "level: medium",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventName: ConsoleLogin",
            "    userIdentity.type: Root",
            "  condition: selection",
            "---",
            "title: Access key created by an assumed role",
            "id: 7c1f0b7e-0000-4000-8000-000000000003",
            "author: Vigil benchmark",
            "level: medium",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventSource: iam.amazonaws.com",
            "    eventName: CreateAccessKey",
            "  filter_users:",
            "    userIdentity.type: IAMUser",
            "  condition: selection and not filter_users",
            "---",
            "title: S3 bucket policy or ACL changed",
            "id: 7c1f0b7e-0000-4000-8000-000000000004",
            "author: Vigil benchmark",
            "level: low",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventSource: s3.amazonaws.com",
            "    eventName|startswith: [PutBucketPolicy, PutBucketAcl, DeleteBucketPolicy]",
            "  condition: selection",
            "---",
            "title: Offensive distribution user agent",
            "id: 7c1f0b7e-0000-4000-8000-000000000005",
            "author: Vigil benchmark",
            "level: high",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    userAgent|re: '(?i)(kali|parrot|pentoo)'",
            "  condition: selection",
            "---",
            "title: GuardDuty detector disrupted",
            "id: 7c1f0b7e-0000-4000-8000-000000000006",
            "author: Vigil benchmark",
            "level: high",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventSource: guardduty.amazonaws.com",
            "    eventName: [DeleteDetector, UpdateDetector, DisassociateFromMasterAccount]",
            "  condition: selection",
            "---",
            "title: Secret read from a documentation network",
            "id: 7c1f0b7e-0000-4000-8000-000000000007",
            "author: Vigil benchmark",
            "level: medium",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventName: GetSecretValue",
            "    sourceIPAddress|cidr: [203.0.113.0/24, 198.51.100.0/24]",
            "  condition: selection",
            "---",
            "title: Console login without MFA",
            "id: 7c1f0b7e-0000-4000-8000-000000000008",
            "author: Vigil benchmark",
            "level: low",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection:",
            "    eventName: ConsoleLogin",
            "    additionalEventData.MFAUsed: 'No'",
            "  condition: selection",
            "");

    static final String[] EVENTS = {
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\","
                + "\"arn\":\"arn:aws:iam::111122223333:root\",\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2024-03-01T09:12:44Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.23\","
                + "\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0\","
                + "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                + "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/\",\"MobileVersion\":\"No\","
                + "\"MFAUsed\":\"No\"},\"eventID\":\"3f0e7d7c-8f0b-4c4a-9d7e-0d6c1e2a9b01\",\"readOnly\":false,"
                + "\"eventType\":\"AwsConsoleSignIn\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                + "\"eventCategory\":\"Management\"}",
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
                + "\"AROAEXAMPLEROLEID:ci-runner\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/ci/ci-runner\","
                + "\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLEKEY00001\",\"sessionContext\":"
                + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLEROLEID\",\"arn\":"
                + "\"arn:aws:iam::111122223333:role/ci\",\"accountId\":\"111122223333\",\"userName\":\"ci\"},"
                + "\"attributes\":{\"creationDate\":\"2024-03-01T09:00:00Z\",\"mfaAuthenticated\":\"false\"}}},"
                + "\"eventTime\":\"2024-03-01T09:13:02Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":"
                + "\"DescribeInstances\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.44\",\"userAgent\":"
                + "\"aws-sdk-go-v2/1.25.0 os/linux lang/go#1.22.0 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.149.0\","
                + "\"requestParameters\":{\"instancesSet\":{},\"filterSet\":{\"items\":[{\"name\":\"tag:env\","
                + "\"valueSet\":{\"items\":[{\"value\":\"prod\"}]}}]}},\"responseElements\":null,\"requestID\":"
                + "\"c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8\",\"eventID\":\"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\","
                + "\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":"
                + "\"111122223333\",\"eventCategory\":\"Management\"}",
        "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
                + "\"AROAEXAMPLEROLEID:ci-runner\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/ci/ci-runner\","
                + "\"accountId\":\"111122223333\"},\"eventTime\":\"2024-03-01T09:14:10Z\",\"eventSource\":"
                + "\"iam.amazonaws.com\",\"eventName\":\"CreateAccessKey\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"192.0.2.44\",\"userAgent\":\"aws-cli/2.15.0 Python/3.11.6 Linux/6.1 kali\","
                + "\"requestParameters\":{\"userName\":\"backup-admin\"},\"responseElements\":{\"accessKey\":"
                + "{\"accessKeyId\":\"AKIAEXAMPLENEWKEY01\",\"status\":\"Active\",\"userName\":\"backup-admin\","
                + "\"createDate\":\"Mar 1, 2024 9:14:10 AM\"}},\"requestID\":\"0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a\","
                + "\"eventID\":\"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d\",\"readOnly\":false,\"eventType\":"
                + "\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}",
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLEUSER01\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/ops\",\"accountId\":\"111122223333\",\"userName\":\"ops\"},"
                + "\"eventTime\":\"2024-03-01T09:15:31Z\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":"
                + "\"StopLogging\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":"
                + "\"console.amazonaws.com\",\"requestParameters\":{\"name\":"
                + "\"arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail\"},\"responseElements\":null,"
                + "\"requestID\":\"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\",\"eventID\":"
                + "\"6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c\",\"readOnly\":false,\"eventType\":\"AwsApiCall\","
                + "\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}",
        "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":"
                + "\"arn:aws:sts::111122223333:assumed-role/app/i-0abc\",\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2024-03-01T09:16:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":"
                + "\"GetObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"10.1.2.3\",\"userAgent\":"
                + "\"[aws-sdk-java/2.25.0]\",\"requestParameters\":{\"bucketName\":\"app-assets\",\"Host\":"
                + "\"app-assets.s3.us-east-1.amazonaws.com\",\"key\":\"img/logo.png\"},\"responseElements\":null,"
                + "\"additionalEventData\":{\"bytesTransferredIn\":0,\"bytesTransferredOut\":48213},\"requestID\":"
                + "\"ABCD1234EFGH5678\",\"eventID\":\"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d\",\"readOnly\":true,"
                + "\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::app-assets/img/logo.png\"}],"
                + "\"eventType\":\"AwsApiCall\",\"managementEvent\":false,\"recipientAccountId\":\"111122223333\","
                + "\"eventCategory\":\"Data\"}"
    };

    private SigmaEngine engine;
    private RecordParser parser;
    private RawRecord[] records;
    private Event[] events;
    private int next;

    @Setup
    public void setUp() throws Exception {
        RuleSet rules = RuleLoader.create().loadSources(List.of(new RuleSource("benchmark-rules.yml", RULES)));
        if (rules.detections().size() != 8 || !rules.problems().isEmpty()) {
            throw new IllegalStateException("benchmark rules did not load: " + rules.problems());
        }
        engine = SigmaEngine.create(rules);
        parser = DetectAdapter.parser(null);
        records = new RawRecord[EVENTS.length];
        events = new Event[EVENTS.length];
        for (int i = 0; i < EVENTS.length; i++) {
            byte[] b = EVENTS[i].getBytes(StandardCharsets.UTF_8);
            records[i] = new RawRecord(b, 0, b.length, new EventOrigin("bench", i + 1, -1), LogSource.UNKNOWN);
            events[i] = parser.parse(records[i]);
        }
        int matches = 0;
        for (Event e : events) {
            matches += engine.match(e).size();
        }
        if (matches < 5) {
            throw new IllegalStateException("expected at least 5 matches over the benchmark events, got " + matches);
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == EVENTS.length ? 0 : i + 1;
        return i;
    }

    /** Parse one record and match it. */
    @Benchmark
    public void parseAndMatch(Blackhole bh) throws Exception {
        Event e = parser.parse(records[nextIndex()]);
        engine.match(e, bh::consume);
        bh.consume(e);
    }

    /** Match one already-parsed event. */
    @Benchmark
    public void matchOnly(Blackhole bh) {
        engine.match(events[nextIndex()], bh::consume);
    }

    /** Parse one record (for subtracting). */
    @Benchmark
    public Event parseOnly() throws Exception {
        return parser.parse(records[nextIndex()]);
    }
}
