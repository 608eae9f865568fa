package dev.vigil.posture.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.Format;
import org.junit.jupiter.api.Test;

class ScannerReadTest {
    final Scanner scanner = Scanner.defaults();

    @Test
    void flowStyleYamlThatIsNotJsonIsReadAsYaml() {
        FileResult r = scanner.scanText(
                "t.yaml", "{Resources: {Q: {Type: 'AWS::SQS::Queue', Properties: {QueueName: q}}}}\n", null);
        assertThat(r.error()).isNull();
        assertThat(r.format()).isEqualTo(Format.CLOUDFORMATION);
        assertThat(r.deployment().dataResources()).hasSize(1);
    }

    @Test
    void brokenJsonFileReportsTheJsonError() {
        FileResult r = scanner.scanText("t.json", "{\"Resources\": {", null);
        assertThat(r.error()).startsWith("t.json:").contains("invalid JSON");
    }

    @Test
    void brokenYamlThatLooksLikeJsonReportsTheJsonError() {
        FileResult r = scanner.scanText("t.yaml", "{\"Resources\": [}", null);
        assertThat(r.error()).startsWith("t.yaml:").contains("invalid JSON");
    }

    @Test
    void unrelatedDocumentsAreSkippedNotFailed() {
        FileResult r = scanner.scanText("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}", null);
        assertThat(r.skipped()).isTrue();
    }
}
