package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputsTest {
    private static final long T1 = Instant.parse("2023-07-10T12:02:56Z").toEpochMilli();
    private static final long T2 = Instant.parse("2023-07-10T12:30:00Z").toEpochMilli();

    private static final RuleInfo LOW = Fixtures.info("id-low", "Low rule", Level.LOW, "Lou");
    private static final RuleInfo HIGH = Fixtures.info("id-high", "High rule", Level.HIGH, "Hal");
    private static final RuleInfo CRIT = Fixtures.info("id-crit", "Critical rule", Level.CRITICAL, "Cris");

    private static Hit hit(RuleInfo info, long time, String file, long line) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventName", "ConsoleLogin");
        return new Hit(info, time, new EventOrigin(file, line, -1), fields);
    }

    private static String render(OutputFormat format, List<Hit> hits, List<CorrelationMatch> correlations)
            throws IOException {
        StringWriter w = new StringWriter();
        HuntOutput out = format.open(w, 1_700_000_000_000L);
        for (Hit h : hits) {
            out.hit(h);
        }
        for (CorrelationMatch c : correlations) {
            out.correlation(c);
        }
        out.finish();
        return w.toString();
    }

    private static CorrelationMatch fired() {
        return new CorrelationMatch(
                Fixtures.correlation("corr-1", Level.HIGH, List.of("id-low"), false),
                Map.of("userIdentity.arn", "arn:aws:iam::111122223333:user/eve"),
                5,
                T1,
                T2,
                new EventOrigin("ct.json", 1, 3),
                5);
    }

    @Test
    void table_groups_by_rule_most_severe_first_then_most_frequent() throws IOException {
        RuleInfo high2 = Fixtures.info("id-high2", "Other high rule", Level.HIGH, "Hal2");
        String out = render(
                OutputFormat.TABLE,
                List.of(
                        hit(LOW, T1, "a.jsonl", 1),
                        hit(LOW, T2, "a.jsonl", 2),
                        hit(HIGH, T2, "a.jsonl", 3),
                        hit(high2, T1, "a.jsonl", 4),
                        hit(high2, T2, "a.jsonl", 5),
                        hit(CRIT, EventTime.UNKNOWN, "b.jsonl", 9),
                        hit(LOW, T1, "a.jsonl", 6)),
                List.of());
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Matches: 7 by 4 rules");
        assertThat(lines.get(1)).startsWith("LEVEL").contains("TITLE", "ID", "COUNT", "FIRST SEEN", "AUTHOR");
        assertThat(lines.get(2)).startsWith("critical").contains("Critical rule", "b.jsonl:9", "Cris");
        assertThat(lines.get(3)).startsWith("high").contains("Other high rule", " 2 ", "Hal2");
        assertThat(lines.get(4)).startsWith("high").contains("High rule", " 1 ");
        assertThat(lines.get(5))
                .startsWith("low")
                .contains(" 3 ", "2023-07-10T12:02:56Z", "2023-07-10T12:30:00Z", "a.jsonl:1", "Lou");
        // a rule whose events have no time shows '-' for first and last seen
        assertThat(lines.get(2)).contains(" -  ");
    }

    @Test
    void table_lists_correlations_in_their_own_section_with_the_group() throws IOException {
        String out = render(OutputFormat.TABLE, List.of(hit(LOW, T1, "a.jsonl", 1)), List.of(fired()));
        assertThat(out).contains("Correlations: 1 by 1 rules");
        String row = out.lines().filter(l -> l.contains("corr-1")).findFirst().orElseThrow();
        assertThat(row)
                .contains("event_count", "userIdentity.arn=arn:aws:iam::111122223333:user/eve", "ct.json:1[3]")
                .contains("Cora Relator");
    }

    @Test
    void table_shortens_long_locations_from_the_start_so_the_line_stays() throws IOException {
        String path = "/var/log/" + "deep/".repeat(30) + "trail.jsonl";
        String out = render(OutputFormat.TABLE, List.of(hit(LOW, T1, path, 4321)), List.of());
        String row = out.lines().filter(l -> l.startsWith("low")).findFirst().orElseThrow();
        assertThat(row).contains("…", "/deep/trail.jsonl:4321").doesNotContain("/var/log/");
    }

    @Test
    void table_says_so_when_nothing_matched() throws IOException {
        assertThat(render(OutputFormat.TABLE, List.of(), List.of())).isEqualTo("No matches.\n");
    }

    @Test
    void table_escapes_terminal_control_characters_from_rules_and_logs() throws IOException {
        RuleInfo evil = Fixtures.info("x\u001b[2J", "Title\u001b]0;pwned\u0007", Level.HIGH, "A\u009bB\u202eC");
        String out = render(OutputFormat.TABLE, List.of(hit(evil, T1, "evil\r\nfile", 1)), List.of());
        assertThat(out).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\r");
        assertThat(out).contains("Title\\u001b]0;pwned\\u0007", "evil\\u000d\\u000afile", "A\\u009bB\\u202eC");
    }

    @Test
    void jsonl_has_exactly_the_documented_fields() throws IOException {
        String out = render(OutputFormat.JSONL, List.of(hit(HIGH, T1, "a.jsonl", 7)), List.of(fired()));
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode m = Fixtures.MAPPER.readTree(lines.get(0));
        assertThat(iterator(m))
                .containsExactly(
                        "kind",
                        "rule_id",
                        "rule_name",
                        "title",
                        "level",
                        "author",
                        "tags",
                        "file",
                        "line",
                        "index",
                        "time",
                        "fields");
        assertThat(m.get("kind").asText()).isEqualTo("match");
        assertThat(m.get("rule_id").asText()).isEqualTo("id-high");
        assertThat(m.get("rule_name").isNull()).isTrue();
        assertThat(m.get("level").asText()).isEqualTo("high");
        assertThat(m.get("author").asText()).isEqualTo("Hal");
        assertThat(m.get("tags").get(0).asText()).isEqualTo("attack.t1078");
        assertThat(m.get("line").asLong()).isEqualTo(7);
        assertThat(m.get("index").isNull()).isTrue();
        assertThat(m.get("time").asText()).isEqualTo("2023-07-10T12:02:56Z");
        assertThat(m.get("fields").get("eventName").asText()).isEqualTo("ConsoleLogin");

        JsonNode c = Fixtures.MAPPER.readTree(lines.get(1));
        assertThat(c.get("kind").asText()).isEqualTo("correlation");
        assertThat(c.get("group").get("userIdentity.arn").asText()).endsWith("user/eve");
        assertThat(c.get("aggregate").isIntegralNumber()).isTrue();
        assertThat(c.get("aggregate").asLong()).isEqualTo(5);
        assertThat(c.get("window_start").asText()).isEqualTo("2023-07-10T12:02:56Z");
        assertThat(c.get("time").asText()).isEqualTo("2023-07-10T12:30:00Z");
        assertThat(c.get("events").asInt()).isEqualTo(5);
        assertThat(c.get("index").asInt()).isEqualTo(3);
    }

    @Test
    void jsonl_escapes_c1_and_bidi_controls_that_json_itself_allows() throws IOException {
        Hit h = new Hit(
                HIGH,
                EventTime.UNKNOWN,
                new EventOrigin("a", 1, -1),
                Map.of("userAgent", "x\u009b31m\u202eevil\u001b\u007f"));
        String out = render(OutputFormat.JSONL, List.of(h), List.of());
        assertThat(out).doesNotContain("\u009b", "\u202e", "\u001b", "\u007f");
        JsonNode m = Fixtures.MAPPER.readTree(out);
        assertThat(m.get("fields").get("userAgent").asText()).isEqualTo("x\u009b31m\u202eevil\u001b\u007f");
        assertThat(m.get("time").isNull()).isTrue();
    }

    @Test
    void ocsf_is_a_detection_finding_with_the_rule_as_analytic() throws IOException {
        String out = render(OutputFormat.OCSF, List.of(hit(CRIT, T1, "a.jsonl", 7)), List.of(fired()));
        List<String> lines = out.lines().toList();
        JsonNode f = Fixtures.MAPPER.readTree(lines.get(0));
        assertThat(f.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(f.get("category_uid").asInt()).isEqualTo(2);
        assertThat(f.get("activity_id").asInt()).isEqualTo(1);
        assertThat(f.get("type_uid").asInt()).isEqualTo(200401);
        assertThat(f.get("severity_id").asInt()).isEqualTo(5);
        assertThat(f.get("time").asLong()).isEqualTo(T1);
        JsonNode info = f.get("finding_info");
        assertThat(info.get("uid").asText()).hasSize(36);
        assertThat(info.get("title").asText()).isEqualTo("Critical rule");
        assertThat(info.get("analytic").get("uid").asText()).isEqualTo("id-crit");
        assertThat(info.get("analytic").get("name").asText()).isEqualTo("Critical rule");
        assertThat(info.get("analytic").get("type").asText()).isEqualTo("Rule");
        assertThat(info.get("analytic").get("type_id").asInt()).isEqualTo(1);
        assertThat(info.get("first_seen_time").asLong()).isEqualTo(T1);
        assertThat(info.get("types").get(0).asText()).isEqualTo("Sigma rule match");
        assertThat(f.get("metadata").get("version").asText()).isEqualTo("1.3.0");
        assertThat(f.get("metadata").get("product").get("name").asText()).isEqualTo("Vigil Detect");
        assertThat(f.get("metadata").get("product").get("vendor_name").asText()).isEqualTo("Vigil");
        JsonNode vigil = f.get("unmapped").get("vigil");
        assertThat(vigil.get("author").asText()).isEqualTo("Cris");
        assertThat(vigil.get("file").asText()).isEqualTo("a.jsonl");
        assertThat(vigil.get("line").asLong()).isEqualTo(7);
        assertThat(vigil.get("fields").get("eventName").asText()).isEqualTo("ConsoleLogin");

        JsonNode c = Fixtures.MAPPER.readTree(lines.get(1));
        assertThat(c.get("severity_id").asInt()).isEqualTo(4);
        assertThat(c.get("finding_info").get("first_seen_time").asLong()).isEqualTo(T1);
        assertThat(c.get("finding_info").get("last_seen_time").asLong()).isEqualTo(T2);
        assertThat(c.get("unmapped")
                        .get("vigil")
                        .get("group")
                        .get("userIdentity.arn")
                        .asText())
                .endsWith("user/eve");
        // the same input gives the same finding ids
        assertThat(render(OutputFormat.OCSF, List.of(hit(CRIT, T1, "a.jsonl", 7)), List.of()))
                .isEqualTo(lines.get(0) + "\n");
    }

    @Test
    void ocsf_severity_follows_the_level() {
        assertThat(OcsfOutput.severityId(Level.INFORMATIONAL)).isEqualTo(1);
        assertThat(OcsfOutput.severityId(Level.LOW)).isEqualTo(2);
        assertThat(OcsfOutput.severityId(Level.MEDIUM)).isEqualTo(3);
        assertThat(OcsfOutput.severityId(Level.HIGH)).isEqualTo(4);
        assertThat(OcsfOutput.severityId(Level.CRITICAL)).isEqualTo(5);
    }

    @Test
    void csv_quotes_per_rfc4180_and_neutralises_formulas() throws IOException {
        RuleInfo info = Fixtures.info("id,1", "Say \"hi\"", Level.MEDIUM, "=HYPERLINK(\"http://x\")");
        Hit h = new Hit(info, T1, new EventOrigin("@evil.csv", 2, -1), Map.of("k", "v"));
        String out = render(OutputFormat.CSV, List.of(h), List.of(fired()));
        String[] rows = out.split("\r\n", -1);
        assertThat(rows).hasSize(4); // header, match, correlation, empty after the final CRLF
        assertThat(rows[0]).isEqualTo(String.join(",", CsvOutput.HEADER));
        assertThat(rows[1])
                .startsWith("match,medium,\"id,1\",,\"Say \"\"hi\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\",")
                .contains(",'@evil.csv,2,,");
        assertThat(rows[2]).startsWith("correlation,high,corr-1,").contains(",5,2023-07-10T12:02:56Z,5");
    }

    @Test
    void csv_cells_neutralise_every_formula_prefix_and_escape_controls() {
        assertThat(CsvOutput.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvOutput.cell("+1")).isEqualTo("'+1");
        assertThat(CsvOutput.cell("-1")).isEqualTo("'-1");
        assertThat(CsvOutput.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvOutput.cell("\t=1")).isEqualTo("'\\u0009=1");
        assertThat(CsvOutput.cell("\r=1")).isEqualTo("'\\u000d=1");
        assertThat(CsvOutput.cell("a\nb")).isEqualTo("a\\u000ab");
        assertThat(CsvOutput.cell("plain")).isEqualTo("plain");
        assertThat(CsvOutput.cell("-")).as("standard input's file name").isEqualTo("-");
        assertThat(CsvOutput.cell(null)).isEmpty();
    }

    @Test
    void csv_has_a_header_even_without_matches() throws IOException {
        assertThat(render(OutputFormat.CSV, List.of(), List.of()))
                .isEqualTo(String.join(",", CsvOutput.HEADER) + "\r\n");
    }

    private static List<String> iterator(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
