package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FindingStoreTest extends StoreTestBase {

    private FindingStore findings;

    @BeforeEach
    void createStore() {
        findings = new FindingStore(db, CLOCK);
    }

    private static Finding finding(String check, Severity severity, String fingerprint) {
        return new Finding(check, severity, "serverless.yml", 12, "orders", "message of " + check, fingerprint);
    }

    @Test
    void storesAnUploadAsOneRun() {
        ScanRun run = findings.upload(
                null,
                "acme/shop@abc123",
                "ci-token",
                List.of(
                        finding("VGL-IAM-001", Severity.HIGH, "fp1"),
                        finding("VGL-SEC-002", Severity.CRITICAL, "fp2"),
                        new Finding("VGL-OBS-001", Severity.LOW, null, null, null, "no tracing", "fp3")));

        assertThat(run.findingCount()).isEqualTo(3);
        assertThat(findings.run(run.id())).contains(run);
        assertThat(findings.runs(null, 10)).containsExactly(run);
        List<StoredFinding> all = findings.findings(run.id(), null, 0, 100);
        assertThat(all)
                .extracting(f -> f.finding().checkId())
                .containsExactly("VGL-SEC-002", "VGL-IAM-001", "VGL-OBS-001");
        assertThat(all.get(2).finding().line()).isNull();
        assertThat(all.get(1).finding()).isEqualTo(finding("VGL-IAM-001", Severity.HIGH, "fp1"));
    }

    @Test
    void filtersBySeverityAndPages() {
        ScanRun run = findings.upload(
                null,
                null,
                null,
                List.of(
                        finding("A", Severity.LOW, "1"),
                        finding("B", Severity.HIGH, "2"),
                        finding("C", Severity.HIGH, "3"),
                        finding("D", Severity.CRITICAL, "4")));

        assertThat(findings.findings(run.id(), Severity.HIGH, 0, 100))
                .extracting(f -> f.finding().checkId())
                .containsExactly("D", "B", "C");
        assertThat(findings.findings(run.id(), null, 1, 2))
                .extracting(f -> f.finding().checkId())
                .containsExactly("B", "C");
    }

    @Test
    void newFindingsSinceABaselineRun() {
        ScanRun baseline = findings.upload(
                null, null, null, List.of(finding("A", Severity.LOW, "1"), finding("B", Severity.HIGH, "2")));
        ScanRun next = findings.upload(
                null, null, null, List.of(finding("B", Severity.HIGH, "2"), finding("C", Severity.MEDIUM, "3")));

        assertThat(findings.newSince(next.id(), baseline.id()))
                .extracting(f -> f.finding().fingerprint())
                .containsExactly("3");
        assertThat(findings.runs(null, 10)).extracting(ScanRun::id).containsExactly(next.id(), baseline.id());
        assertThat(findings.runs("other", 10)).isEmpty();
    }
}
