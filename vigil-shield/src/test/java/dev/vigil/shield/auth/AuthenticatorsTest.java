package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.shield.policy.AuthenticityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticatorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"github", "stripe", "slack"})
    void missing_secret_variable_fails_every_request_closed(String type) {
        Authenticator auth =
                Authenticators.create(config(type, List.of("/hooks/*"), "secret_env", "HOOK_SECRET"), env());

        AuthResult result = auth.verify(request("/hooks/a", "{}", "x-hub-signature-256", "sha256=00"), NOW);

        assertThat(result.code()).isEqualTo(AuthResult.SECRET_UNAVAILABLE);
        assertThat(auth.type()).isEqualTo(type);
        assertThat(auth.appliesTo(request("/hooks/a", "{}"))).isTrue();
        assertThat(auth.appliesTo(request("/other", "{}"))).isFalse();
        assertThat(auth.configProblem())
                .contains("HOOK_SECRET")
                .contains("secret_env")
                .contains(type + "-test");
    }

    @Test
    void empty_secret_variable_counts_as_missing() {
        Authenticator auth =
                Authenticators.create(config("hmac", List.of(), "secret_env", "S", "header", "x-sig"), env("S", ""));

        assertThat(auth.verify(request("/", "{}", "x-sig", "00"), NOW).code()).isEqualTo(AuthResult.SECRET_UNAVAILABLE);
        assertThat(auth.configProblem()).isNotNull();
    }

    @Test
    void secret_is_read_once_at_creation() {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("S", "first-secret"));
        Authenticator auth = Authenticators.create(config("github", List.of(), "secret_env", "S"), vars::get);
        vars.put("S", "second-secret");

        String sig = "sha256=" + hex(hmac("HmacSHA256", "first-secret", "{}"));
        assertThat(auth.verify(request("/", "{}", "x-hub-signature-256", sig), NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void missing_secret_env_setting_is_invalid_config() {
        assertThatThrownBy(() -> Authenticators.create(config("github", List.of()), env()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'secret_env'")
                .hasMessageContaining("line 7");
    }

    @Test
    void unknown_type_is_rejected() {
        assertThatThrownBy(() -> Authenticators.create(config("gitlab", List.of()), env()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'type'")
                .hasMessageContaining("gitlab");
    }

    @Test
    void type_is_case_insensitive_and_name_defaults_to_type() {
        Authenticator auth = Authenticators.create(
                new AuthenticityConfig(null, "GitHub", List.of(), Map.of("secret_env", "S"), 0), env("S", "x"));

        assertThat(auth.type()).isEqualTo("github");
        assertThat(auth.name()).isEqualTo("github");
    }

    @Test
    void create_all_keeps_order() {
        List<Authenticator> all = Authenticators.createAll(
                List.of(config("slack", List.of(), "secret_env", "A"), config("github", List.of(), "secret_env", "B")),
                env("A", "a", "B", "b"));

        assertThat(all).extracting(Authenticator::type).containsExactly("slack", "github");
    }

    @Test
    void concurrent_verification_gives_consistent_results() throws Exception {
        String secret = "concurrency-secret";
        Authenticator auth = Authenticators.create(config("github", List.of(), "secret_env", "S"), env("S", secret));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String body = "{\"t\":" + thread + ",\"i\":" + i + "}";
                        boolean forged = i % 3 == 0;
                        String sig = "sha256=" + hex(hmac("HmacSHA256", forged ? "wrong" : secret, body));
                        boolean ok = auth.verify(request("/", body, "x-hub-signature-256", sig), NOW)
                                .isOk();
                        if (ok == forged) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
