package dev.vigil.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-code wrapper under the real AWS Lambda runtime interface client, in its own JVM, over a loopback Runtime API. */
class RuntimeClientTest {

    @TempDir
    Path tmp;

    @Test
    void the_wrapper_answers_under_the_real_runtime_client_and_blocks_there_too() throws Exception {
        ShieldBench.RuntimeRun ok = ShieldBench.viaRuntimeClient(true, BenchEvents.apiGatewayV2TwoKb(), tmp, List.of());
        assertThat(((Map<?, ?>) Json.parse(ok.response())).get("statusCode")).isEqualTo(200L);
        String hostile = new String(BenchEvents.apiGatewayV2TwoKb(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("autumn-sale", CanaryDetector.MARKER);
        ShieldBench.RuntimeRun blocked = ShieldBench.viaRuntimeClient(
                true, hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8), tmp, List.of());
        assertThat(((Map<?, ?>) Json.parse(blocked.response())).get("statusCode"))
                .isEqualTo(403L);
        assertThat(Files.list(tmp)).isEmpty();
    }
}
