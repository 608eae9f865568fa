package dev.vigil.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.core.Severity;
import dev.vigil.posture.check.CheckCatalog;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    static final String PASSWORD = "Sup3rS3cretPassw0rd";
    static Schema sarifSchema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = ReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        }
    }

    static String template(String prefix, String comment) {
        return prefix
                + "Resources:\n"
                + "  Db:\n"
                + "    Type: AWS::RDS::DBInstance\n"
                + "    Properties:\n"
                + "      Engine: postgres\n"
                + comment
                + "      MasterUserPassword: " + PASSWORD + "\n"
                + "  Cache:\n"
                + "    Type: AWS::ElastiCache::ReplicationGroup\n"
                + "    Properties:\n"
                + "      AuthToken: another-t0ken-literal\n";
    }

    ScanReport scan(Baseline baseline) throws Exception {
        List<FileResult> results = Scanner.defaults().scan(List.of(dir));
        return ScanReport.of(results, CheckCatalog.all(), baseline, baseline.size() > 0, dir);
    }

    void writeFiles(String comment) throws Exception {
        Files.writeString(dir.resolve("app.yaml"), template("", comment));
        Files.writeString(dir.resolve("broken.yaml"), "Resources:\n  X: [unclosed\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws Exception {
        writeFiles("      # vigil:ignore VGL-SECRET-003 rotated test credential, replaced in prod\n");
        ScanReport report = scan(Baseline.empty());
        String sarif = new ObjectMapper().writeValueAsString(SarifReport.tree(report, dir));
        List<Error> errors = sarifSchema.validate(sarif, InputFormat.JSON);
        assertThat(errors).isEmpty();
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        assertThat(run.at("/tool/driver/rules").size())
                .isEqualTo(CheckCatalog.all().size());
        JsonNode result = run.get("results").get(0);
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("app.yaml");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId")
                        .asText())
                .isEqualTo("%SRCROOT%");
        assertThat(run.at("/invocations/0/toolExecutionNotifications").toString())
                .contains("broken.yaml");
        JsonNode rule = run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo(result.get("ruleId").asText());
        assertThat(sarif).contains("\"justification\"").contains("rotated test credential");
        assertThat(sarif).doesNotContain(PASSWORD);
    }

    @Test
    void suppressionNeedsAReason() throws Exception {
        writeFiles("      # vigil:ignore VGL-SECRET-003\n");
        ScanReport report = scan(Baseline.empty());
        assertThat(report.count(ReportedFinding.Status.SUPPRESSED)).isZero();
        assertThat(report.problems()).anyMatch(p -> p.contains("has no reason"));
    }

    @Test
    void suppressedFindingsAreCountedAndListedOnRequest() throws Exception {
        writeFiles("      # vigil:ignore VGL-SECRET-003 test database\n");
        ScanReport report = scan(Baseline.empty());
        assertThat(report.count(ReportedFinding.Status.SUPPRESSED)).isEqualTo(1);
        StringWriter plain = new StringWriter();
        new TextReport(false, false).write(report, new PrintWriter(plain));
        assertThat(plain.toString()).doesNotContain("test database").contains("1 suppressed");
        StringWriter shown = new StringWriter();
        new TextReport(false, true).write(report, new PrintWriter(shown));
        assertThat(shown.toString()).contains("[suppressed: test database]");
    }

    @Test
    void baselineKeepsOnlyNewFindingsAndSurvivesLineShifts() throws Exception {
        writeFiles("");
        ScanReport first = scan(Baseline.empty());
        assertThat(first.failsAt(Severity.HIGH)).isTrue();
        Path baselineFile = dir.resolve("out/baseline.txt");
        Baseline.write(first, baselineFile);
        Baseline baseline = Baseline.read(baselineFile);
        // Lines move: comments added on top.
        Files.writeString(dir.resolve("app.yaml"), template("# header\n# more\n", ""));
        ScanReport again = scan(baseline);
        assertThat(again.count(ReportedFinding.Status.NEW)).isZero();
        assertThat(again.failsAt(Severity.HIGH)).isFalse();
        Files.writeString(
                dir.resolve("app.yaml"),
                template("", "")
                        + "  Other:\n    Type: AWS::IAM::User\n    Properties:\n      LoginProfile:\n"
                        + "        Password: NewPassw0rd!\n");
        ScanReport more = scan(baseline);
        assertThat(more.count(ReportedFinding.Status.NEW)).isEqualTo(1);
        assertThat(more.failsAt(Severity.HIGH)).isTrue();
    }

    @Test
    void jsonAndTextNeverShowTheSecret() throws Exception {
        writeFiles("");
        ScanReport report = scan(Baseline.empty());
        StringWriter json = new StringWriter();
        JsonReport.write(report, json);
        JsonNode root = new ObjectMapper().readTree(json.toString());
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/filesScanned").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/filesSkipped").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/filesFailed").asInt()).isEqualTo(1);
        JsonNode f = root.get("findings").get(0);
        for (String field : List.of(
                "checkId",
                "name",
                "severity",
                "title",
                "message",
                "file",
                "line",
                "column",
                "subject",
                "doc",
                "fingerprint")) {
            assertThat(f.has(field)).as(field).isTrue();
        }
        StringWriter text = new StringWriter();
        new TextReport(true, true).write(report, new PrintWriter(text));
        assertThat(json.toString() + text).doesNotContain(PASSWORD).doesNotContain("another-t0ken-literal");
        assertThat(text.toString()).contains("\u001b[");
    }

    @Test
    void metadataSuppressionCoversTheResource() throws Exception {
        Files.writeString(
                dir.resolve("t.json"),
                "{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Metadata\": {\"vigil\": {\"ignore\":"
                        + " [{\"id\": \"plaintext-secret-property\", \"reason\": \"throwaway test stack\"}]}},"
                        + " \"Properties\": {\"MasterUserPassword\": \"" + PASSWORD + "\"}}}}");
        ScanReport report = scan(Baseline.empty());
        assertThat(report.count(ReportedFinding.Status.SUPPRESSED)).isEqualTo(1);
        assertThat(report.failsAt(Severity.INFO)).isFalse();
    }
}
