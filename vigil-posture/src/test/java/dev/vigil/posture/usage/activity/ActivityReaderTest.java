package dev.vigil.posture.usage.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.posture.usage.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityReaderTest {

    @TempDir
    Path tmp;

    private final List<String> problems = new ArrayList<>();
    private final List<ApiCall> calls = new ArrayList<>();

    private ActivityReader reader() {
        return new ActivityReader(ActivityLimits.defaults(), problems::add);
    }

    @Test
    void readsRecordsDocumentWithTheLineEachRecordStartsOn() throws IOException {
        ActivityReader r = reader();
        r.read(List.of(Fixtures.file("orders-trail.json")), calls::add);
        assertThat(problems).isEmpty();
        assertThat(calls).hasSize(22);
        ApiCall first = calls.get(0);
        assertThat(first.service()).isEqualTo("s3");
        assertThat(first.operation()).isEqualTo("GetObject");
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.roleName()).isEqualTo("orders-role");
        assertThat(first.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/service-role/orders-role");
        assertThat(first.sessionName()).isEqualTo("orders-fn");
        assertThat(first.account()).isEqualTo("111122223333");
        assertThat(first.region()).isEqualTo("eu-west-1");
        assertThat(first.resourceArns()).contains("arn:aws:s3:::orders-in/incoming/2026/a.json");
        assertThat(calls).filteredOn(ApiCall::denied).hasSize(2);
        assertThat(calls).filteredOn(ApiCall::byService).hasSize(1);
        assertThat(calls.get(1).line()).isGreaterThan(first.line());
    }

    @Test
    void readsJsonLinesAndReportsBadLinesAsFileLineReason() throws IOException {
        ActivityReader r = reader();
        Path f = Fixtures.file("orders-trail.jsonl");
        r.read(List.of(f), calls::add);
        assertThat(calls)
                .extracting(ApiCall::operation)
                .containsExactly("CreateLogStream", "PutEvents", "ConsoleLogin");
        assertThat(problems)
                .containsExactly(
                        f + ":3: not JSON: Unexpected end-of-input within/between Object entries",
                        f + ":4: CloudTrail record without eventName");
        assertThat(r.bad()).isEqualTo(2);
        assertThat(calls.get(2).line()).isEqualTo(6);
    }

    @Test
    void readsTelemetryApiActivityAndPassesOverOtherLines() throws IOException {
        reader().read(List.of(Fixtures.file("orders-telemetry.jsonl")), calls::add);
        assertThat(problems).isEmpty();
        assertThat(calls).hasSize(2);
        ApiCall get = calls.get(0);
        assertThat(get.origin()).isEqualTo("telemetry");
        assertThat(get.functionName()).isEqualTo("orders-fn");
        assertThat(get.service()).isEqualTo("dynamodb");
        assertThat(get.operation()).isEqualTo("GetItem");
        assertThat(get.resourceArns()).containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
        assertThat(get.requestParameters().path("tableName").asText()).isEqualTo("Orders");
        assertThat(calls.get(1).denied()).isTrue();
    }

    @Test
    void readsGzipAndDirectoriesRecursivelySkippingNonLogNames() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("AWSLogs/111122223333/CloudTrail/eu-west-1"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("trail.json.gz")))) {
            out.write(Files.readAllBytes(Fixtures.file("orders-trail.json")));
        }
        Files.copy(Fixtures.file("orders-telemetry.jsonl"), dir.resolve("shield.jsonl"));
        Files.writeString(tmp.resolve("README.md"), "# not a log\n");
        ActivityReader r = reader();
        r.read(List.of(tmp), calls::add);
        assertThat(problems).isEmpty();
        assertThat(r.files()).isEqualTo(2);
        assertThat(calls).hasSize(24);
    }

    @Test
    void oversizedLinesAndRecordsAreReportedAndSkipped() throws IOException {
        ActivityReader r = new ActivityReader(new ActivityLimits(200, 64, 1000, 100), problems::add);
        String small = "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}";
        String big =
                "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"x\":\"" + "a".repeat(300) + "\"}";
        r.read(
                "lines",
                new ByteArrayInputStream((small + "\n" + big + "\n" + small + "\n").getBytes(StandardCharsets.UTF_8)),
                calls::add);
        assertThat(calls).hasSize(2);
        assertThat(problems).containsExactly("lines:2: line longer than 200 bytes, skipped");

        problems.clear();
        calls.clear();
        String doc = "{\"Records\":[\n" + small + ",\n" + big + ",\n" + small + "\n]}";
        r.read("doc", new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), calls::add);
        assertThat(calls).hasSize(2);
        assertThat(problems).containsExactly("doc:3: record larger than 200 bytes, skipped");
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() throws IOException {
        String deep = "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"X\",\"p\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}";
        ActivityReader r = new ActivityReader(new ActivityLimits(1 << 20, 64, 1000, 100), problems::add);
        r.read("deep", new ByteArrayInputStream((deep + "\n").getBytes(StandardCharsets.UTF_8)), calls::add);
        assertThat(calls).isEmpty();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("deep:1: ");
    }

    @Test
    void aFileThatIsNotALogIsSkippedWithOneProblem() throws IOException {
        Path md = Files.writeString(tmp.resolve("notes.txt"), "hello\nworld\n");
        reader().read(List.of(md), calls::add);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(md + ":1: neither JSON lines nor a CloudTrail log");
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndGoesOn() throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buf)) {
            out.write(Files.readAllBytes(Fixtures.file("orders-trail.jsonl")));
        }
        byte[] gz = buf.toByteArray();
        Path cut = Files.write(tmp.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(gz, gz.length - 12));
        Path next = Files.copy(Fixtures.file("orders-telemetry.jsonl"), tmp.resolve("next.jsonl"));
        reader().read(List.of(cut, next), calls::add);
        assertThat(problems).anyMatch(p -> p.startsWith(cut + ": broken or truncated gzip"));
        assertThat(calls).extracting(ApiCall::origin).contains("telemetry");
    }

    @Test
    void readsOnePrettyPrintedEvent() throws IOException {
        String event = "{\n  \"eventSource\": \"sqs.amazonaws.com\",\n  \"eventName\": \"SendMessage\",\n"
                + "  \"requestParameters\": {\"queueUrl\": \"https://sqs.eu-west-1.amazonaws.com/111122223333/q\"}\n}\n";
        reader().read("event.json", new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), calls::add);
        assertThat(problems).isEmpty();
        assertThat(calls).singleElement().extracting(ApiCall::operation).isEqualTo("SendMessage");
    }

    @Test
    void missingInputIsAnIoError() {
        assertThatThrownBy(() -> reader().read(List.of(tmp.resolve("nope")), calls::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no such file or directory");
    }
}
