package dev.vigil.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.CliRun;
import dev.vigil.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    static final String MIXED = "src/test/resources/scan/mixed";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void helpShowsServerlessVariableSyntaxLiterally() {
        CliRun r = CliRun.run("scan", "--help");
        assertThat(r.out()).contains("${env:K}").contains("${opt:K}").doesNotContain("serverless.yml null");
    }

    @Test
    void mixedDirectoryIsScannedWithoutBeingToldFormats() {
        CliRun r = CliRun.run("scan", MIXED);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out())
                .contains("stack.json (CloudFormation)")
                .contains("serverless.yml (serverless.yml)")
                .contains("VGL-SECRET-003")
                .contains("files: 4 scanned, 1 skipped, 1 failed");
        assertThat(r.err()).containsPattern("broken\\.yaml:\\d+:\\d+: ");
        assertThat(r.out() + r.err()).doesNotContain("Sup3rS3cretPassw0rd").doesNotContain("orders-cache-t0ken");
    }

    @Test
    void failOnNoneAndThresholds() {
        assertThat(CliRun.run("scan", "--fail-on", "none", MIXED).exit()).isEqualTo(ExitCodes.OK);
        assertThat(CliRun.run("scan", "--fail-on", "critical", MIXED).exit()).isEqualTo(ExitCodes.OK);
        assertThat(CliRun.run("scan", "--fail-on", "medium", MIXED).exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.run("scan", "--fail-on", "bogus", MIXED).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unknownCheckIdsAreAUsageErrorNamingThem() {
        CliRun r = CliRun.run("scan", "--checks", "VGL-SECRET-003,VGL-NOPE-999,nope-slug", MIXED);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("VGL-NOPE-999").contains("nope-slug");
    }

    @Test
    void checksAndSkipChecksByIdOrSlug() throws Exception {
        CliRun only = CliRun.run("scan", "--format", "json", "--checks", "plaintext-secret-property", MIXED);
        JsonNode findings = JSON.readTree(only.out()).get("findings");
        assertThat(findings.size()).isPositive();
        findings.forEach(f -> assertThat(f.get("checkId").asText()).isEqualTo("VGL-SECRET-003"));
        CliRun skipped =
                CliRun.run("scan", "--format", "json", "--skip-checks", "VGL-SECRET-003,hardcoded-aws-keys", MIXED);
        JSON.readTree(skipped.out())
                .get("findings")
                .forEach(f -> assertThat(f.get("checkId").asText()).isNotIn("VGL-SECRET-003", "VGL-SECRET-001"));
    }

    @Test
    void sarifAndJsonReportsToAFile() throws Exception {
        Path sarif = tmp.resolve("out/vigil.sarif");
        CliRun r = CliRun.run("scan", "--format", "sarif", "-o", sarif.toString(), MIXED);
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("findings (");
        JsonNode log = JSON.readTree(sarif.toFile());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.get("results").size()).isPositive();
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .startsWith(MIXED + "/");
        assertThat(run.at("/invocations/0/toolExecutionNotifications").toString())
                .contains("broken.yaml");
        CliRun json = CliRun.run("scan", "--format", "json", "--quiet", MIXED);
        assertThat(json.err()).doesNotContain("findings (");
        assertThat(JSON.readTree(json.out()).at("/summary/filesFailed").asInt()).isEqualTo(1);
    }

    @Test
    void baselineMakesOnlyNewFindingsFail() throws Exception {
        Path baseline = tmp.resolve("baseline.json");
        CliRun write = CliRun.run("scan", "--write-baseline", baseline.toString(), MIXED);
        assertThat(write.exit()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(baseline)).contains("fingerprint");
        CliRun again = CliRun.run("scan", "--baseline", baseline.toString(), MIXED);
        assertThat(again.exit()).as(again.out()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("0 new,");
        assertThat(CliRun.run("scan", "--baseline", tmp.resolve("missing.json").toString(), MIXED)
                        .exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void inlineSuppressionWithReason() throws Exception {
        Path dir = tmp.resolve("app");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("db.yaml"),
                "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
                        + "      # vigil:ignore VGL-SECRET-003 throwaway integration-test database\n"
                        + "      MasterUserPassword: Sup3rS3cretPassw0rd\n");
        CliRun r = CliRun.run("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("1 suppressed").doesNotContain("throwaway");
        CliRun shown = CliRun.run("scan", "--show-suppressed", dir.toString());
        assertThat(shown.out()).contains("[suppressed: throwaway integration-test database]");
    }

    @Test
    void nothingReadableIsAnIoError() {
        CliRun r = CliRun.run("scan", MIXED + "/broken.yaml");
        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(CliRun.run("scan", "no/such/dir").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void usageReportJoinsTheJsonReport() throws Exception {
        CliRun r = CliRun.run(
                "scan",
                "--format",
                "json",
                "--fail-on",
                "none",
                "--usage",
                "src/test/resources/scan/cloudtrail-empty.json",
                MIXED);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(r.out()).has("usage")).isTrue();
        assertThat(CliRun.run("scan", "--usage", "no/such/trail.json", MIXED).exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void parallelScanKeepsFileOrder() throws Exception {
        String one =
                CliRun.run("scan", "--format", "json", "--threads", "1", MIXED).out();
        String four =
                CliRun.run("scan", "--format", "json", "--threads", "4", MIXED).out();
        assertThat(JSON.readTree(four).get("files"))
                .isEqualTo(JSON.readTree(one).get("files"));
        assertThat(JSON.readTree(four).get("findings"))
                .isEqualTo(JSON.readTree(one).get("findings"));
    }

    @Test
    void listChecks() {
        CliRun text = CliRun.run("scan", "--list-checks");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("VGL-SECRET-001").contains("hardcoded-aws-keys");
        CliRun md = CliRun.run("scan", "--list-checks", "--format", "markdown");
        assertThat(md.out())
                .startsWith("| id | slug |")
                .contains("[VGL-SECRET-003](posture/secrets.md#vgl-secret-003)");
        assertThat(CliRun.run("scan", "--list-checks", "--format", "sarif").exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(CliRun.run("scan", MIXED).out()).doesNotContain("\u001b[");
        assertThat(CliRun.run("scan", "--color", "always", MIXED).out()).contains("\u001b[");
    }
}
