package dev.vigil.detect.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.TapeEvent;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogSourcesTest {

    @ParameterizedTest
    @CsvSource({
        "cloudtrail.json, aws:cloudtrail",
        "vigil-finding.json, vigil:finding",
        "vigil-invocation.json, vigil:invocation",
        "not-vigil.json, *:*",
        "gcp-audit.json, gcp:gcp.audit",
        "gcp-workspace-admin.json, gcp:google_workspace.admin",
        "workspace-login-report.json, gcp:google_workspace.login",
        "m365-exchange.json, m365:exchange",
        "m365-sharepoint.json, m365:audit",
        "m365-alert.json, m365:threat_management",
        "azure-activity.json, azure:activitylogs",
        "azure-signin.json, azure:signinlogs",
        "azure-audit.json, azure:auditlogs",
        "azure-pim.json, azure:pim",
        "azure-risk-graph.json, azure:riskdetection",
        "azure-signin-graph.json, azure:signinlogs",
        "unknown.json, *:*",
    })
    void classifies_each_log_type_by_shape(String fixture, String expected) {
        Path file = LogReaderTest.fixture("classify/" + fixture);
        Collected c = Collected.read(file);
        assertThat(c.problems).isEmpty();
        assertThat(c.events).hasSize(1);
        LogSource source = c.events.get(0).logSource();
        assertThat(source.toString()).isEqualTo(expected);
        assertThat(LogSources.classify((TapeEvent) c.events.get(0))).isEqualTo(source);
    }
}
