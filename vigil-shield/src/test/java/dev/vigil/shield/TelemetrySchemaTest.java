package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.TelemetryJson;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.policy.AuthenticityConfig;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of line the Shield really emits validates against the published schema. */
class TelemetrySchemaTest {

    @Test
    void everything_the_shield_emits_validates() throws Exception {
        Schema schema;
        try (InputStream in = TelemetryJson.class.getResourceAsStream("/dev/vigil/core/telemetry.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
        StreamHarness h = new StreamHarness();
        Policy p = Policies.with(
                Mode.BLOCK,
                Map.of(),
                List.of(),
                BatchMode.REPORT,
                Policies.TEST_BUDGET_MICROS,
                List.of(new AuthenticityConfig("gh", "github", List.of("/webhooks/*"), Map.of("secret_env", "S"), 1)));
        Shield shield = Shield.builder()
                .policy(p)
                .detector(new CanaryDetector())
                .detector(new FailOpenTest.ThrowingDetector())
                .sink(h.sink)
                .environment(Map.of(
                        "S", "secret-value-for-test", "GITHUB_TOKEN", "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"))
                .build();
        h.invoke(shield, TestEvents.apiV2("/orders", "q=" + CanaryDetector.MARKER));
        h.invoke(shield, TestEvents.sqs("{}", CanaryDetector.MARKER));
        h.invoke(
                shield,
                TestEvents.apiV2(
                        "POST", "/webhooks/github", "", Map.of(), "{}", "x.execute-api.us-east-1.amazonaws.com"));
        h.handlerResponse = Json.write(Map.of(
                "statusCode",
                500,
                "body",
                "java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)"));
        h.invoke(shield, TestEvents.alb("/x", "fine", true));
        TelemetryJson json = new TelemetryJson("Vigil Shield");
        Set<String> kinds = h.sink.events.stream().map(TelemetryEvent::kind).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder("invocation", "finding", "policy_violation", "vigil_error");
        for (TelemetryEvent e : h.sink.events) {
            String line = json.toJson(e);
            assertThat(schema.validate(line, InputFormat.JSON)).as(line).isEmpty();
        }
    }

    @Test
    void http_findings_violations_and_invocations_carry_the_client_address() {
        StreamHarness h = new StreamHarness();
        Shield shield = Shield.builder()
                .policy(Policies.with(
                        Mode.BLOCK, Map.of(), List.of(), BatchMode.REPORT, Policies.TEST_BUDGET_MICROS, List.of()))
                .detector(new CanaryDetector())
                .sink(h.sink)
                .environment(Map.of())
                .build();
        try {
            h.invoke(shield, TestEvents.apiV2("/orders", "q=" + CanaryDetector.MARKER));
            h.invoke(shield, TestEvents.sqs("{}", CanaryDetector.MARKER));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TelemetryJson json = new TelemetryJson("Vigil Shield");
        List<TelemetryEvent> http = h.sink.events.subList(0, 2);
        assertThat(http).extracting(TelemetryEvent::kind).containsExactly("finding", "invocation");
        for (TelemetryEvent e : http) {
            assertThat(json.toJson(e)).contains("\"src_endpoint\":{\"ip\":\"203.0.113.9\"}");
        }
        for (TelemetryEvent e : h.sink.events.subList(2, h.sink.events.size())) {
            assertThat(json.toJson(e)).as("SQS has no client").doesNotContain("src_endpoint");
        }
    }
}
