package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demo_shows_every_path_and_writes_valid_telemetry() throws Exception {
        Path telemetry = dir.resolve("t.jsonl");
        CliRun r = CliRun.run("demo", "--telemetry", telemetry.toString());
        assertThat(r.exit()).isZero();
        String out = r.out();
        assertThat(out).contains("VGL-HYG-001 Environment variable ORDERS_DB_PASSWORD");
        assertThat(out).containsPattern("Benign order lookup\\s+apigw-http\\s+success\\s+200");
        assertThat(out).containsPattern("Benign order with prose and a public URL\\s+apigw-http\\s+success\\s+200");
        assertThat(out)
                .containsPattern(
                        "SQL injection in the query string\\s+apigw-http\\s+blocked\\s+403\\s+\\d+\\s+VGL-SQLI-");
        assertThat(out).containsPattern("XSS in a JSON body\\s+apigw-http\\s+blocked\\s+403\\s+\\d+\\s+VGL-XSS-");
        assertThat(out).containsPattern("Log4Shell lookup in a header\\s+apigw-http\\s+blocked\\s+403");
        assertThat(out).contains("VGL-JNDI-001");
        assertThat(out).containsPattern("SSRF to the metadata service in a body\\s+apigw-http\\s+blocked\\s+403");
        assertThat(out).contains("VGL-SSRF-001");
        assertThat(out).contains("VGL-TEST-001 Vigil test marker at body.$.order.note (after url decoding) -> blocked");
        assertThat(out).containsPattern("GitHub webhook, valid signature\\s+apigw-http\\s+success\\s+202");
        assertThat(out).containsPattern("GitHub webhook, tampered body\\s+apigw-http\\s+blocked\\s+401");
        assertThat(out).contains("VGL-HYG-003 Response leaks stack_trace -> sanitized");
        assertThat(out).containsPattern("VGL-CMDI-\\d+ .* at Records\\[1]\\.body\\.\\$\\.invoice -> dropped");
        assertThat(out)
                .containsPattern("VGL-PATH-\\d+ .* at Records\\[2]\\.body\\.\\$\\.attachment -> reported_failure");
        assertThat(out).containsPattern("S3 upload whose key is a shell command\\s+s3\\s+blocked");
        assertThat(out).contains("at Records[0].s3.object.key -> blocked");
        assertThat(out).contains("VGL-HYG-002");
        assertThat(out).doesNotContain("budget_exceeded");
        List<String> lines = Files.readAllLines(telemetry);
        assertThat(lines).hasSizeGreaterThan(15);
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = mapper.readTree(line);
            assertThat(n.at("/vigil/kind").asText()).isIn("invocation", "finding", "policy_violation", "vigil_error");
            assertThat(line).doesNotContain("pX9#vQ2m");
        }
    }
}
