package dev.vigil.shield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.telemetry.Action;
import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.shield.detect.CanaryDetector;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.policy.AuthenticityConfig;
import dev.vigil.shield.policy.BatchMode;
import dev.vigil.shield.policy.Mode;
import dev.vigil.shield.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuthenticityIntegrationTest {

    private static final String SECRET = "it-is-a-test-secret-" + Long.toHexString(System.nanoTime());
    private final StreamHarness h = new StreamHarness();

    private Shield shield(Mode mode) {
        Policy p = Policies.with(
                mode,
                Map.of(),
                List.of(),
                BatchMode.DROP,
                Policies.TEST_BUDGET_MICROS,
                List.of(new AuthenticityConfig(
                        "gh", "github", List.of("/webhooks/*"), Map.of("secret_env", "GH_SECRET"), 3)));
        return Shield.builder()
                .policy(p)
                .detector(new CanaryDetector())
                .sink(h.sink)
                .environment(Map.of("GH_SECRET", SECRET))
                .build();
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> webhook(String body, String signature) {
        return TestEvents.apiV2(
                "POST",
                "/webhooks/github",
                "",
                signature == null
                        ? Map.of("content-type", "application/json")
                        : Map.of("content-type", "application/json", "x-hub-signature-256", signature),
                body,
                "id.execute-api.us-east-1.amazonaws.com");
    }

    @Test
    void a_valid_signature_reaches_the_handler() throws Exception {
        String body = "{\"action\":\"opened\"}";
        Object r = h.invoke(shield(Mode.BLOCK), webhook(body, sign(body)));
        assertThat(((Map<?, ?>) r).get("statusCode")).isEqualTo(200L);
        assertThat(h.handlerCalls).isEqualTo(1);
        assertThat(h.sink.violations()).isEmpty();
    }

    @Test
    void a_tampered_body_gets_a_401_and_a_violation_that_does_not_leak_the_signature() throws Exception {
        String body = "{\"action\":\"opened\"}";
        String signature = sign(body);
        Object r = h.invoke(shield(Mode.BLOCK), webhook(body.replace("opened", "closed"), signature));
        assertThat(((Map<?, ?>) r).get("statusCode")).isEqualTo(401L);
        assertThat(Json.parse((String) ((Map<?, ?>) r).get("body")))
                .isEqualTo(Map.of("message", "Unauthorized", "requestId", "req-1"));
        assertThat(h.handlerCalls).isZero();
        PolicyViolation v = h.sink.violations().get(0);
        assertThat(v.ruleId()).isEqualTo(RuleIds.AUTHENTICITY);
        assertThat(v.action()).isEqualTo(Action.BLOCKED);
        assertThat(v.attributes()).containsEntry("code", "bad_signature").containsEntry("authenticator", "gh");
        assertThat(v.toString()).doesNotContain(signature.substring(7)).doesNotContain(SECRET);
    }

    @Test
    void a_missing_signature_is_refused_and_other_paths_are_not_checked() throws Exception {
        Object r = h.invoke(shield(Mode.BLOCK), webhook("{}", null));
        assertThat(((Map<?, ?>) r).get("statusCode")).isEqualTo(401L);
        Object other = h.invoke(shield(Mode.BLOCK), TestEvents.apiV2("/orders", ""));
        assertThat(((Map<?, ?>) other).get("statusCode")).isEqualTo(200L);
    }

    @Test
    void monitor_mode_reports_but_lets_the_event_through() throws Exception {
        h.invoke(shield(Mode.MONITOR), webhook("{}", "sha256=00"));
        assertThat(h.handlerCalls).isEqualTo(1);
        assertThat(h.sink.violations().get(0).action()).isEqualTo(Action.MONITORED);
    }

    @Test
    void a_missing_secret_is_reported_at_init_and_fails_closed() throws Exception {
        Policy p = Policies.with(
                Mode.BLOCK,
                Map.of(),
                List.of(),
                BatchMode.DROP,
                Policies.TEST_BUDGET_MICROS,
                List.of(new AuthenticityConfig("gh", "github", List.of(), Map.of("secret_env", "NOT_SET"), 1)));
        Shield shield =
                Shield.builder().policy(p).sink(h.sink).environment(Map.of()).build();
        assertThat(h.sink.errors()).extracting(e -> e.code()).contains("authenticity_config");
        Object r = h.invoke(shield, webhook("{}", "sha256=00"));
        assertThat(((Map<?, ?>) r).get("statusCode")).isEqualTo(401L);
    }
}
