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
        VigilCommandTest.Run r = VigilCommandTest.run("demo", "--telemetry", telemetry.toString());
        assertThat(r.exit()).isZero();
        String out = r.out();
        assertThat(out).contains("VGL-HYG-001 Environment variable ORDERS_DB_PASSWORD");
        assertThat(out).containsPattern("Benign order lookup\\s+apigw-http\\s+success\\s+200");
        assertThat(out).containsPattern("Test marker in the query string\\s+apigw-http\\s+blocked\\s+403");
        assertThat(out).contains("VGL-TEST-001 Vigil test marker at body.$.order.note (after url decoding) -> blocked");
        assertThat(out).containsPattern("GitHub webhook, valid signature\\s+apigw-http\\s+success\\s+202");
        assertThat(out).containsPattern("GitHub webhook, tampered body\\s+apigw-http\\s+blocked\\s+401");
        assertThat(out).contains("VGL-HYG-003 Response leaks stack_trace -> sanitized");
        assertThat(out).contains("Records[1].body.$.note -> dropped");
        assertThat(out).contains("Records[2].body.$.sku -> reported_failure");
        assertThat(out).contains("VGL-HYG-002");
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
