package dev.vigil.detect.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.LogSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(LogReaderTest.class.getResource("/logs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    @Test
    void cloudtrail_s3_file_yields_each_record_with_its_index_and_the_cloudtrail_hint() {
        Path file = fixture("cloudtrail-s3.json");
        Collected c = Collected.read(file);
        assertThat(c.problems).isEmpty();
        assertThat(c.field("eventName")).containsExactly("GetObject", "StopLogging");
        assertThat(c.origins()).containsExactly(file + ":1[0]", file + ":1[1]");
        assertThat(c.sources()).containsOnly(LogSource.AWS_CLOUDTRAIL);
        assertThat(c.field("requestParameters.bucketName")).containsExactly("example-bucket", null);
    }

    @Test
    void pretty_printed_cloudtrail_file_gives_the_line_where_each_record_starts() {
        Path file = fixture("cloudtrail-pretty.json");
        Collected c = Collected.read(file);
        assertThat(c.problems).isEmpty();
        assertThat(c.field("eventName")).containsExactly("CreateAccessKey", "DeleteFlowLogs");
        assertThat(c.origins()).containsExactly(file + ":3[0]", file + ":11[1]");
        assertThat(c.events.get(1).json()).startsWith("{\"eventVersion\":\"1.09\",\"eventTime\"");
    }

    @Test
    void json_lines_report_broken_lines_with_file_and_line_and_go_on() {
        Path file = fixture("mixed.jsonl");
        Collected c = Collected.read(file);
        assertThat(c.field("eventName")).containsExactly("GetCallerIdentity", "ListUsers", "ListRoles");
        assertThat(c.origins()).containsExactly(file + ":1", file + ":4", file + ":6");
        assertThat(c.problems).hasSize(2);
        assertThat(c.problems.get(0)).startsWith(file + ":3: ").contains("expected");
        assertThat(c.problems.get(1)).isEqualTo(file + ":5: not a JSON object");
        assertThat(c.reader.counters().records())
                .isEqualTo(4); // the broken record is handed over, the parser rejects it
        assertThat(c.reader.counters().problems()).isEqualTo(1);
    }

    @Test
    void top_level_array_yields_elements() {
        Path file = fixture("array.json");
        Collected c = Collected.read(file);
        assertThat(c.problems).isEmpty();
        assertThat(c.field("eventName")).containsExactly("PutBucketPolicy", "DeleteBucketPolicy");
        assertThat(c.origins()).containsExactly(file + ":2[0]", file + ":3[1]");
    }

    @Test
    void gzip_is_detected_by_magic_bytes_not_by_name() throws IOException {
        byte[] plain = Files.readAllBytes(fixture("cloudtrail-s3.json"));
        Path gz = write("no-extension", gzip(plain));
        Path notGz = write("plain.json.gz", plain);
        Collected c = Collected.read(gz, notGz);
        assertThat(c.problems).isEmpty();
        assertThat(c.field("eventName")).containsExactly("GetObject", "StopLogging", "GetObject", "StopLogging");
        assertThat(c.reader.counters().files()).isEqualTo(2);
        assertThat(c.reader.counters().bytesRead())
                .isEqualTo(c.reader.counters().totalBytes())
                .isEqualTo(Files.size(gz) + Files.size(notGz));
    }

    @Test
    void truncated_gzip_is_a_problem_and_the_next_file_is_read() throws IOException {
        byte[] lines = "{\"a\":1}\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        byte[] gz = gzip(lines);
        Path cut = write("a-cut.gz", Arrays.copyOf(gz, gz.length / 2));
        Path good = write("b-good.jsonl", "{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(cut, good);
        assertThat(c.problems).hasSize(1);
        assertThat(c.problems.get(0)).startsWith(cut + ":").contains("truncated gzip input");
        assertThat(c.events).isNotEmpty();
        assertThat(c.events.get(c.events.size() - 1).json()).isEqualTo("{\"b\":2}");
    }

    @Test
    void gzip_bomb_is_stopped_by_the_ratio_check() throws IOException {
        byte[] huge = new byte[8 << 20];
        Arrays.fill(huge, (byte) ' ');
        Path bomb = write("bomb.gz", gzip(huge));
        Path good = write("good.jsonl", "{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
        ReadOptions options = ReadOptions.defaults().withGzipLimits(1L << 40, 100, 64 * 1024);
        Collected c = Collected.read(options, bomb, good);
        assertThat(c.problems).singleElement().asString().startsWith(bomb + ":").contains("gzip bomb");
        assertThat(c.field("b")).containsExactly("2");
    }

    @Test
    void gzip_absolute_cap_applies_too() throws IOException {
        byte[] lines = "{\"a\":1}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Path gz = write("many.gz", gzip(lines));
        ReadOptions options = ReadOptions.defaults().withGzipLimits(20_000, 1_000_000, 0);
        Collected c = Collected.read(options, gz);
        assertThat(c.problems).singleElement().asString().contains("more than 20000 bytes");
        assertThat(c.events.size()).isLessThan(10_000);
    }

    @Test
    void oversize_line_is_skipped_with_a_problem_and_reading_goes_on() throws IOException {
        String longLine = "{\"x\":\"" + "a".repeat(1000) + "\"}\n";
        Path file = write("long.jsonl", (longLine + "{\"ok\":1}\n").getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(ReadOptions.defaults().withMaxLineBytes(200), file);
        assertThat(c.problems).containsExactly(file + ":1: line longer than 200 bytes; skipped");
        assertThat(c.origins()).containsExactly(file + ":2");
    }

    @Test
    void line_longer_than_the_read_buffer_is_skipped_without_losing_the_next_lines() throws IOException {
        String longLine = "{\"x\":\"" + "a".repeat(3 << 20) + "\"}\n";
        Path file = write("huge.jsonl", ("{\"ok\":0}\n" + longLine + "{\"ok\":1}\n").getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(file);
        assertThat(c.problems).containsExactly(file + ":2: line longer than 1048576 bytes; skipped");
        assertThat(c.field("ok")).containsExactly("0", "1");
        assertThat(c.origins()).containsExactly(file + ":1", file + ":3");
    }

    @Test
    void cloudwatch_payload_json_messages_become_records_others_are_skipped() {
        Path file = fixture("cloudwatch-payload.json");
        Collected c = Collected.read(file);
        assertThat(c.problems).isEmpty();
        assertThat(c.origins()).containsExactly(file + ":1[0]", file + ":1[2]");
        assertThat(c.sources()).containsExactly(LogSource.AWS_CLOUDTRAIL, LogSource.of("vigil", "finding"));
        assertThat(c.field("eventName")).containsExactly("ScheduleKeyDeletion", null);
        assertThat(c.reader.counters().skipped()).isEqualTo(2); // the START line and the control message
    }

    @Test
    void cloudwatch_lambda_form_with_base64_gzip_data_is_decoded() throws IOException {
        String payload = Files.readAllLines(fixture("cloudwatch-payload.json")).get(0);
        String data = Base64.getEncoder().encodeToString(gzip(payload.getBytes(StandardCharsets.UTF_8)));
        Path file = write(
                "lambda-event.json",
                ("{\n  \"awslogs\": {\n    \"data\": \"" + data + "\"\n  }\n}\n").getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(file);
        assertThat(c.problems).isEmpty();
        assertThat(c.field("eventName")).containsExactly("ScheduleKeyDeletion", null);
        assertThat(c.origins()).containsExactly(file + ":1[0]", file + ":1[2]");
    }

    @Test
    void broken_awslogs_data_is_a_problem() throws IOException {
        Path file = write(
                "bad-lambda.json", "{\"awslogs\":{\"data\":\"bm90IGd6aXA=\"}}\n".getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(file);
        assertThat(c.events).isEmpty();
        assertThat(c.problems).singleElement().asString().startsWith(file + ":1: awslogs.data is not a readable gzip");
    }

    @Test
    void cloudtrail_digest_file_is_skipped_with_a_note() {
        Path file = fixture("111122223333_CloudTrail-Digest_eu-west-1_main_20240102T030405Z.json");
        Collected c = Collected.read(file);
        assertThat(c.events).isEmpty();
        assertThat(c.problems).isEmpty();
        assertThat(c.notes).containsExactly(file + ":1: CloudTrail digest file skipped");
        assertThat(c.reader.counters().skipped()).isEqualTo(1);
    }

    @Test
    void directories_are_read_recursively_sorted_skipping_hidden_entries_and_link_loops() throws IOException {
        Path root = tmp.resolve("logs");
        write("logs/b/2.jsonl", "{\"n\":3}\n".getBytes(StandardCharsets.UTF_8));
        write("logs/a.jsonl", "{\"n\":1}\n".getBytes(StandardCharsets.UTF_8));
        write("logs/b/1.jsonl", "{\"n\":2}\n".getBytes(StandardCharsets.UTF_8));
        write("logs/.hidden.jsonl", "{\"n\":9}\n".getBytes(StandardCharsets.UTF_8));
        write("logs/.git/x.jsonl", "{\"n\":9}\n".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(root.resolve("b/loop"), root);
        Collected c = Collected.read(root);
        assertThat(c.field("n")).containsExactly("1", "2", "3");
        assertThat(c.problems).singleElement().asString().contains("loop");
    }

    @Test
    void missing_input_is_a_problem() {
        Path missing = tmp.resolve("nope.json");
        Collected c = Collected.read(missing);
        assertThat(c.problems).containsExactly(missing + ":0: no such file or directory");
    }

    @Test
    void stdin_stream_is_read_with_dash_as_file_name() {
        byte[] bytes = gzip("\n{\"eventVersion\":\"1\",\"eventSource\":\"s\",\"eventName\":\"N\"}\r\n\n"
                .getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.stream(ReadOptions.defaults(), "-", bytes);
        assertThat(c.origins()).containsExactly("-:2");
        assertThat(c.sources()).containsExactly(LogSource.AWS_CLOUDTRAIL);
    }

    @Test
    void shield_telemetry_lines_are_classified_by_kind() throws IOException {
        byte[] a = Files.readAllBytes(fixture("classify/vigil-finding.json"));
        byte[] b = Files.readAllBytes(fixture("classify/vigil-invocation.json"));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Collected c = Collected.stream(ReadOptions.defaults(), "telemetry.jsonl", both);
        assertThat(c.sources()).containsExactly(LogSource.of("vigil", "finding"), LogSource.of("vigil", "invocation"));
    }

    @Test
    void forced_log_source_wins_over_hint_and_shape() {
        Path s3 = fixture("cloudtrail-s3.json");
        Path unknown = fixture("classify/unknown.json");
        LogSource forced = LogSource.parse("m365:audit");
        Collected c = Collected.read(ReadOptions.defaults().withForcedLogSource(forced), s3, unknown);
        assertThat(c.sources()).containsExactly(forced, forced, forced);
    }

    @Test
    void pretty_document_that_is_not_one_document_falls_back_to_lines() throws IOException {
        Path file = write("broken-first.jsonl", "{\"a\":\n{\"b\":1}\n{\"c\":2}\n".getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(file);
        assertThat(c.origins()).containsExactly(file + ":2", file + ":3");
        assertThat(c.problems).singleElement().asString().startsWith(file + ":1: ");
    }

    @Test
    void records_are_zero_copy_slices_that_stay_valid_after_more_reading() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append("{\"i\":")
                    .append(i)
                    .append(",\"pad\":\"")
                    .append("p".repeat(i % 50))
                    .append("\"}\n");
        }
        List<RawRecord> raw = new java.util.ArrayList<>();
        LogReader reader = new LogReader(ReadOptions.defaults(), new RecordSink() {
            @Override
            public void record(RawRecord record) {
                raw.add(record);
            }

            @Override
            public void problem(dev.vigil.detect.event.EventOrigin where, String reason) {
                throw new AssertionError(reason);
            }
        });
        reader.read("big", new java.io.ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(raw).hasSize(50_000);
        for (int i = 0; i < raw.size(); i += 997) {
            assertThat(EventParser.parse(raw.get(i), null).text(dev.vigil.detect.event.FieldPath.of("i")))
                    .isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void empty_input_gives_nothing() {
        Collected c = Collected.stream(ReadOptions.defaults(), "-", new byte[0]);
        assertThat(c.events).isEmpty();
        assertThat(c.problems).isEmpty();
        assertThat(c.reader.counters().files()).isEqualTo(1);
    }

    @Test
    void a_stream_that_trickles_a_few_bytes_per_read_gives_the_same_records() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("mixed.jsonl"));
        Collected c = new Collected(ReadOptions.defaults().withMaxLineBytes(200));
        c.reader.read("slow", new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        });
        assertThat(c.field("eventName")).containsExactly("GetCallerIdentity", "ListUsers", "ListRoles");
        assertThat(c.origins()).containsExactly("slow:1", "slow:4", "slow:6");
        assertThat(c.problems).hasSize(2);
    }

    @Test
    void input_that_does_not_start_like_json_is_one_problem() throws IOException {
        Path text = write("README.md", "# Title\n\n{\"a\":1}\nmore text\n".getBytes(StandardCharsets.UTF_8));
        Collected c = Collected.read(text);
        assertThat(c.events).isEmpty();
        assertThat(c.problems).containsExactly(text + ":1: does not start like JSON; input skipped");
    }

    @Test
    void directory_given_as_a_file_is_a_problem() {
        Collected c = new Collected(ReadOptions.defaults());
        c.reader.read(tmp);
        assertThat(c.problems).singleElement().asString().isEqualTo(tmp + ":0: cannot read: is a directory");
    }
}
