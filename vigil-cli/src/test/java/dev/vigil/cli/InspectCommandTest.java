package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    private static final String MARK = CanaryDetector.MARKER;

    private Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> verdicts(String out) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                list.add((Map<String, Object>) Json.parse(line));
            }
        }
        return list;
    }

    @Test
    void one_verdict_per_record_in_order_with_categories_rules_and_locations() throws IOException {
        Path in = file(
                "in.jsonl",
                "{\"id\": \"a\", \"payload\": \"plain words\"}",
                "{\"id\": 7, \"payload\": \"x " + MARK + "\", \"where\": \"query\", \"param\": \"q\"}",
                "{\"id\": \"e\", \"event\": {\"Records\": [{\"eventSource\": \"aws:sqs\", \"messageId\": \"m\","
                        + " \"body\": \"" + MARK + "\"}]}}");
        CliRun r = CliRun.run("inspect", in.toString());
        assertThat(r.exit()).isZero();
        List<Map<String, Object>> v = verdicts(r.out());
        assertThat(v).hasSize(3);
        assertThat(v.get(0)).containsEntry("id", "a").containsEntry("verdict", "benign");
        assertThat(v.get(0).get("categories")).asList().isEmpty();
        assertThat(v.get(1).get("id")).isEqualTo(7L);
        assertThat(v.get(1)).containsEntry("verdict", "malicious");
        assertThat(v.get(1).get("categories")).asList().containsExactly("test");
        assertThat(v.get(1).get("rule_ids")).asList().containsExactly(CanaryDetector.RULE_ID);
        assertThat(v.get(1).get("locations")).asList().containsExactly("query.q");
        assertThat(v.get(2).get("locations")).asList().containsExactly("Records[0].body");
        assertThat(r.err()).contains("inspected 3 records: 2 malicious, 1 benign, 0 errors");
    }

    @Test
    void a_broken_record_is_reported_with_file_and_line_and_the_rest_is_inspected() throws IOException {
        Path in = file(
                "bad.jsonl",
                "{\"id\": 1, \"payload\": \"ok\"}",
                "{not json",
                "{\"id\": 3, \"payload\": 42}",
                "[1, 2]",
                "{\"id\": 5, \"payload\": \"" + MARK + "\"}");
        CliRun r = CliRun.run("inspect", in.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        List<Map<String, Object>> v = verdicts(r.out());
        assertThat(v)
                .extracting(m -> m.get("verdict"))
                .containsExactly("benign", "error", "error", "error", "malicious");
        assertThat(v.get(2)).containsEntry("id", 3L);
        assertThat(r.err())
                .contains(in + ":2: invalid JSON")
                .contains(in + ":3: \"payload\" must be a string")
                .contains(in + ":4: a record must be a JSON object");
    }

    @Test
    void an_overlong_record_is_skipped_without_holding_it() throws IOException {
        Path in = file(
                "long.jsonl",
                "{\"id\": 1, \"payload\": \"" + "a".repeat(5000) + "\"}",
                "{\"id\": 2, \"payload\": \"" + MARK + "\"}");
        CliRun r = CliRun.run("inspect", "--max-record-chars", "1000", in.toString());
        List<Map<String, Object>> v = verdicts(r.out());
        assertThat(v).extracting(m -> m.get("verdict")).containsExactly("error", "malicious");
        assertThat(r.err()).contains(":1: record longer than 1000 characters");
    }

    @Test
    void gzip_input_and_fail_on_malicious() throws IOException {
        Path gz = dir.resolve("in.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("{\"id\": 1, \"payload\": \"" + MARK + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(CliRun.run("inspect", gz.toString()).exit()).isZero();
        CliRun r = CliRun.run("inspect", "--fail-on-malicious", "--quiet", gz.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        assertThat(verdicts(r.out())).hasSize(1);
    }

    @Test
    void only_the_chosen_detectors_run_and_unknown_ids_are_usage_errors() throws IOException {
        Path in = file("in.jsonl", "{\"id\": 1, \"payload\": \"" + MARK + "\"}");
        CliRun unknown = CliRun.run("inspect", "--detectors", "canary,nosuch", in.toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown detector 'nosuch'");
        CliRun canary = CliRun.run("inspect", "--detectors", "canary", in.toString());
        assertThat(verdicts(canary.out()).get(0)).containsEntry("verdict", "malicious");
    }

    @Test
    void a_missing_file_is_an_io_error() {
        CliRun r = CliRun.run("inspect", dir.resolve("nope.jsonl").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void bench_inspect_reports_throughput_for_each_detector() throws IOException {
        Path in = file("in.jsonl", "{\"id\": 1, \"payload\": \"" + MARK + "\"}", "{\"id\": 2, \"payload\": \"hi\"}");
        CliRun r = CliRun.run("bench", "inspect", "--reps", "1", "--warmup-reps", "0", in.toString());
        assertThat(r.exit()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out().trim());
        assertThat(json).containsEntry("payloads", 2L).containsEntry("flagged", 1L);
        assertThat((Long) json.get("payloads_per_s")).isPositive();
        assertThat(json.get("each_detector"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("canary");
    }
}
