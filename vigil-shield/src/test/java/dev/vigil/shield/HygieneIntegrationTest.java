package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.telemetry.Action;
import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.HygieneConfig;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.policy.TmpResidueMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HygieneIntegrationTest {

    private final StreamHarness h = new StreamHarness();

    @TempDir
    Path tmp;

    private static Policy policy(Mode mode, HygieneConfig hygiene) {
        Policy d = Policy.defaults();
        return new Policy(
                mode,
                Map.of(),
                List.of(),
                Policies.TEST_BUDGET_MICROS,
                BatchMode.DROP,
                hygiene,
                List.of(),
                d.telemetry(),
                "test");
    }

    private Shield shield(Policy policy, Map<String, String> env) {
        return Shield.builder()
                .policy(policy)
                .detector(new CanaryDetector())
                .sink(h.sink)
                .environment(env)
                .tmpDirectory(tmp)
                .build();
    }

    private static final String TRACE = "{\"error\":\"java.lang.IllegalStateException: boom\\n\\tat com.acme.Orders"
            + ".load(Orders.java:42)\\n\\tat com.acme.Orders.handleRequest(Orders.java:17)\"}";

    @Test
    void plaintext_secrets_in_the_environment_are_reported_at_cold_start_by_name_and_kind_only() {
        String secret = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        shield(Policy.defaults(), Map.of("GITHUB_TOKEN", secret, "AWS_REGION", "eu-west-1", "LOG_LEVEL", "debug"));
        List<PolicyViolation> v = h.sink.violations();
        assertThat(v).hasSize(1);
        assertThat(v.get(0).ruleId()).isEqualTo(RuleIds.ENV_SECRET);
        assertThat(v.get(0).attributes())
                .containsEntry("variable", "GITHUB_TOKEN")
                .containsEntry("kind", "github_token");
        assertThat(v.get(0).requestId()).isNull();
        assertThat(v.get(0).toString()).doesNotContain(secret);
    }

    @Test
    void env_check_can_be_turned_off() {
        shield(
                policy(Mode.BLOCK, new HygieneConfig(false, TmpResidueMode.OFF, false)),
                Map.of("GITHUB_TOKEN", "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"));
        assertThat(h.sink.violations()).isEmpty();
    }

    @Test
    void block_mode_sanitises_a_leaked_stack_trace_in_an_http_response() throws Exception {
        h.handlerResponse = Json.write(Map.of("statusCode", 500, "body", TRACE));
        Object response = h.invoke(shield(Policy.defaults(), Map.of()), TestEvents.apiV2("/orders", ""));
        String body = (String) ((Map<?, ?>) response).get("body");
        assertThat(body).doesNotContain("Orders.java:42").contains("[stack trace removed by Vigil]");
        PolicyViolation v = h.sink.violations().get(0);
        assertThat(v.ruleId()).isEqualTo(RuleIds.RESPONSE_LEAK);
        assertThat(v.action()).isEqualTo(Action.SANITIZED);
        assertThat(v.attributes().get("kinds")).contains("stack_trace");
    }

    @Test
    void monitor_mode_reports_the_leak_and_returns_the_response_unchanged() throws Exception {
        byte[] original = Json.write(Map.of("statusCode", 500, "body", TRACE));
        h.handlerResponse = original;
        Object response = h.invoke(
                shield(policy(Mode.MONITOR, HygieneConfig.defaults()), Map.of()), TestEvents.apiV2("/orders", ""));
        assertThat(response).isEqualTo(Json.parse(original));
        assertThat(h.sink.violations().get(0).action()).isEqualTo(Action.MONITORED);
    }

    @Test
    void a_clean_response_is_passed_through_byte_for_byte() throws Exception {
        byte[] original = "{\"statusCode\":200,  \"body\":\"{\\\"ok\\\":true}\"}".getBytes(StandardCharsets.UTF_8);
        h.handlerResponse = original;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        shield(Policy.defaults(), Map.of())
                .wrap(h.handler)
                .handleRequest(
                        new java.io.ByteArrayInputStream(TestEvents.bytes(TestEvents.apiV2("/orders", ""))),
                        out,
                        StreamHarness.context("r"));
        assertThat(out.toByteArray()).isEqualTo(original);
    }

    @Test
    void residue_left_by_one_invocation_is_reported_at_the_next_once() throws Exception {
        Files.writeString(tmp.resolve("present-at-init.txt"), "baseline");
        Shield shield = shield(policy(Mode.BLOCK, new HygieneConfig(false, TmpResidueMode.REPORT, false)), Map.of());
        h.invoke(shield, TestEvents.sqs("{}"));
        assertThat(h.sink.violations()).isEmpty();
        Files.writeString(tmp.resolve("left-behind.json"), "{\"card\":\"4111\"}");
        h.invoke(shield, TestEvents.sqs("{}"));
        PolicyViolation v = h.sink.violations().get(0);
        assertThat(v.ruleId()).isEqualTo(RuleIds.TMP_RESIDUE);
        assertThat(v.attributes()).containsEntry("entries", "1");
        assertThat(v.attributes().get("samples")).contains("left-behind.json");
        h.invoke(shield, TestEvents.sqs("{}"));
        assertThat(h.sink.violations()).hasSize(1);
        assertThat(tmp.resolve("left-behind.json")).exists();
    }

    @Test
    void wipe_mode_removes_residue_but_keeps_the_baseline() throws Exception {
        Files.writeString(tmp.resolve("present-at-init.txt"), "baseline");
        Shield shield = shield(policy(Mode.BLOCK, new HygieneConfig(false, TmpResidueMode.WIPE, false)), Map.of());
        Files.createDirectories(tmp.resolve("cache/nested"));
        Files.writeString(tmp.resolve("cache/nested/x.bin"), "x");
        h.invoke(shield, TestEvents.sqs("{}"));
        assertThat(h.sink.violations().get(0).action()).isEqualTo(Action.WIPED);
        assertThat(tmp.resolve("cache")).doesNotExist();
        assertThat(tmp.resolve("present-at-init.txt")).exists();
    }
}
