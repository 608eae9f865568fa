package dev.vigil.shield.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final String SOURCE = "vigil.yaml";

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PolicyLoaderTest.class.getResource("/policy/" + name).toURI());
    }

    private static PolicyException failure(String yaml) {
        return catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse(yaml, SOURCE));
    }

    private static void assertFails(String yaml, int line, String key, String message) {
        PolicyException e = failure(yaml);
        assertThat(e).as("expected a PolicyException for:%n%s", yaml).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.source()).isEqualTo(SOURCE);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.key()).isEqualTo(key);
    }

    // ---- valid files ----

    @Test
    void load_full_file_gives_exact_model() throws Exception {
        Path file = resource("full.yaml");

        Policy p = PolicyLoader.load(file);

        assertThat(p.source()).isEqualTo(file.toString());
        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.budgetMicros()).isEqualTo(2_500);
        assertThat(p.categories()).isEqualTo(Map.of("xss", Mode.MONITOR, "ssrf", Mode.OFF, "sqli", Mode.BLOCK));
        assertThat(p.exclusions())
                .containsExactly(
                        new Exclusion(
                                List.of("orders-*"),
                                List.of("body.$.comment", "headers.user-agent"),
                                List.of("note"),
                                Set.of("xss"),
                                Set.of("VGL-XSS-002"),
                                10),
                        new Exclusion(List.of(), List.of(), List.of(), Set.of(), Set.of("VGL-SQLI-001"), 15));
        assertThat(p.batchMode()).isEqualTo(BatchMode.REPORT);
        assertThat(p.hygiene()).isEqualTo(new HygieneConfig(false, TmpResidueMode.WIPE, false));
        assertThat(p.authenticity())
                .containsExactly(
                        new AuthenticityConfig(
                                "gh-webhook",
                                "github",
                                List.of("/webhooks/github"),
                                Map.of("secret_env", "GITHUB_WEBHOOK_SECRET"),
                                23),
                        new AuthenticityConfig(
                                "stripe",
                                "stripe",
                                List.of(),
                                Map.of("secret_env", "STRIPE_SIGNING_SECRET", "tolerance_s", "600"),
                                27),
                        new AuthenticityConfig(
                                "slack",
                                "slack",
                                List.of(),
                                Map.of("secret_env", "SLACK_SIGNING_SECRET", "tolerance_s", "300"),
                                30),
                        new AuthenticityConfig(
                                "hmac",
                                "hmac",
                                List.of("/hooks/*"),
                                Map.of(
                                        "secret_env", "HMAC_SECRET",
                                        "header", "X-Signature",
                                        "algorithm", "sha512",
                                        "encoding", "base64",
                                        "prefix", "sha512="),
                                32),
                        new AuthenticityConfig(
                                "api-token",
                                "jwt",
                                List.of(),
                                Map.of(
                                        "jwks_file", "/var/task/jwks.json",
                                        "issuer", "https://issuer.example.com",
                                        "audience", "orders-api,billing-api",
                                        "algorithms", "RS256,ES256",
                                        "header", "X-Api-Token",
                                        "leeway_s", "30"),
                                39));
        assertThat(p.telemetry())
                .isEqualTo(new TelemetryConfig(
                        false, "https://collector.example.com/api/v1/events", "COLLECTOR_TOKEN", 500, 5000, 250));
    }

    @Test
    void parse_minimal_file_keeps_defaults_for_everything_else() {
        Policy p = PolicyLoader.parse("mode: monitor\n", SOURCE);

        Policy d = Policy.defaults();
        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.categories()).isEmpty();
        assertThat(p.exclusions()).isEmpty();
        assertThat(p.budgetMicros()).isEqualTo(d.budgetMicros());
        assertThat(p.batchMode()).isEqualTo(d.batchMode());
        assertThat(p.hygiene()).isEqualTo(d.hygiene());
        assertThat(p.authenticity()).isEmpty();
        assertThat(p.telemetry()).isEqualTo(d.telemetry());
        assertThat(p.source()).isEqualTo(SOURCE);
    }

    @Test
    void parse_empty_or_comment_only_file_gives_defaults_with_source() {
        for (String yaml : List.of("", "\n\n", "# nothing here\n", "---\n", "~\n", "\uFEFF# bom\n")) {
            Policy p = PolicyLoader.parse(yaml, SOURCE);
            assertThat(p).as(yaml).isEqualTo(PolicyReader.withSource(Policy.defaults(), SOURCE));
        }
    }

    @Test
    void parse_null_values_mean_default() {
        Policy p = PolicyLoader.parse("""
                mode:
                exclusions:
                telemetry:
                  endpoint: ~
                  batch_size:
                hygiene: {}
                """, SOURCE);

        assertThat(p.mode()).isEqualTo(Mode.BLOCK);
        assertThat(p.exclusions()).isEmpty();
        assertThat(p.telemetry()).isEqualTo(TelemetryConfig.defaults());
        assertThat(p.hygiene()).isEqualTo(HygieneConfig.defaults());
    }

    @Test
    void parse_accepts_scalars_where_lists_are_expected_and_case_insensitive_words() {
        Policy p = PolicyLoader.parse("""
                mode: MONITOR
                exclusions:
                  - functions: orders-*
                    parameters: Note
                authenticity:
                  - type: jwt
                    jwks_env: JWKS_JSON
                    issuer: https://issuer.example.com
                    audience: orders-api
                    algorithms: rs256
                """, SOURCE);

        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.exclusions().get(0).functions()).containsExactly("orders-*");
        assertThat(p.exclusions().get(0).parameters()).containsExactly("Note");
        assertThat(p.authenticity().get(0).settings())
                .isEqualTo(Map.of(
                        "jwks_env", "JWKS_JSON",
                        "issuer", "https://issuer.example.com",
                        "audience", "orders-api",
                        "algorithms", "RS256",
                        "header", "Authorization",
                        "leeway_s", "60"));
    }

    @Test
    void parse_hs_jwt_with_secret_env_needs_no_jwks() {
        Policy p = PolicyLoader.parse("""
                authenticity:
                  - type: jwt
                    secret_env: JWT_SECRET
                    issuer: me
                    audience: [a, b]
                    algorithms: [HS256, hs256]
                """, SOURCE);

        assertThat(p.authenticity().get(0).settings())
                .containsEntry("secret_env", "JWT_SECRET")
                .containsEntry("algorithms", "HS256")
                .containsEntry("audience", "a,b")
                .doesNotContainKeys("jwks_file", "jwks_env");
    }

    @Test
    void parse_budget_converts_milliseconds_to_microseconds() {
        assertThat(PolicyLoader.parse("budget_ms: 0.5", SOURCE).budgetMicros()).isEqualTo(500);
        assertThat(PolicyLoader.parse("budget_ms: 1000", SOURCE).budgetMicros()).isEqualTo(1_000_000);
        assertThat(PolicyLoader.parse("budget_ms: 12", SOURCE).budgetMicros()).isEqualTo(12_000);
        assertThat(PolicyLoader.parse("budget_ms: 0.0001", SOURCE).budgetMicros())
                .isEqualTo(1);
    }

    // ---- schema errors ----

    @Test
    void parse_unknown_key_suggests_the_closest_one() {
        assertFails(
                "version: 1\nmodee: block\n",
                2,
                "modee",
                "vigil.yaml:2: modee: unknown key 'modee' (did you mean 'mode'?)");
        assertFails(
                "telemetry:\n  stdout: true\n  endpont: https://x.example.com\n",
                3,
                "telemetry.endpont",
                "vigil.yaml:3: telemetry.endpont: unknown key 'endpont' (did you mean 'endpoint'?)");
        assertFails(
                "authenticity:\n  - type: github\n    secert_env: X\n",
                3,
                "authenticity[0].secert_env",
                "vigil.yaml:3: authenticity[0].secert_env: unknown key 'secert_env' (did you mean 'secret_env'?)");
    }

    @Test
    void parse_unknown_key_without_close_match_has_no_suggestion() {
        assertFails("frobnicate: 1\n", 1, "frobnicate", "vigil.yaml:1: frobnicate: unknown key 'frobnicate'");
    }

    @Test
    void parse_bad_enum_lists_the_allowed_values() {
        assertFails(
                "mode: blok\n",
                1,
                "mode",
                "vigil.yaml:1: mode: unknown mode 'blok' (expected one of block, monitor, off)");
        assertFails(
                "categories:\n  xss: loud\n",
                2,
                "categories.xss",
                "vigil.yaml:2: categories.xss: unknown mode 'loud' (expected one of block, monitor, off)");
        assertFails(
                "batch:\n  on_block: retry\n",
                2,
                "batch.on_block",
                "vigil.yaml:2: batch.on_block: unknown batch mode 'retry' (expected one of drop, report)");
        assertFails(
                "hygiene:\n  tmp_residue: shred\n",
                2,
                "hygiene.tmp_residue",
                "vigil.yaml:2: hygiene.tmp_residue: unknown tmp_residue mode 'shred' (expected one of off, report, wipe)");
    }

    @Test
    void parse_wrong_types_name_the_expected_type() {
        assertFails(
                "hygiene:\n  env_secrets: yes\n",
                2,
                "hygiene.env_secrets",
                "vigil.yaml:2: hygiene.env_secrets: expected a boolean (true or false), got 'yes'");
        assertFails("telemetry: [a]\n", 1, "telemetry", "vigil.yaml:1: telemetry: expected a mapping, got a list");
        assertFails(
                "exclusions:\n  functions: x\n",
                2,
                "exclusions",
                "vigil.yaml:2: exclusions: expected a list, got a mapping");
        assertFails(
                "telemetry:\n  queue_capacity: lots\n",
                2,
                "telemetry.queue_capacity",
                "vigil.yaml:2: telemetry.queue_capacity: expected an integer, got 'lots'");
        assertFails(
                "telemetry:\n  batch_size: 1.5\n",
                2,
                "telemetry.batch_size",
                "vigil.yaml:2: telemetry.batch_size: expected an integer, got '1.5'");
        assertFails(
                "mode: [block]\n",
                1,
                "mode",
                "vigil.yaml:1: mode: expected mode (one of block, monitor, off), got a list");
        assertFails(
                "exclusions:\n  - functions: {a: b}\n",
                2,
                "exclusions[0].functions",
                "vigil.yaml:2: exclusions[0].functions: expected a string or a list of strings, got a mapping");
        assertFails("budget_ms: fast\n", 1, "budget_ms", "vigil.yaml:1: budget_ms: expected a number, got 'fast'");
    }

    @Test
    void parse_integer_out_of_range_names_the_range() {
        assertFails(
                "telemetry:\n  flush_timeout_ms: 0\n",
                2,
                "telemetry.flush_timeout_ms",
                "vigil.yaml:2: telemetry.flush_timeout_ms: must be between 1 and 5000, got 0");
        assertFails(
                "telemetry:\n  queue_capacity: 100001\n",
                2,
                "telemetry.queue_capacity",
                "vigil.yaml:2: telemetry.queue_capacity: must be between 1 and 100000, got 100001");
    }

    @Test
    void parse_duplicate_key_names_both_lines() {
        assertFails(
                "mode: block\nbudget_ms: 5\nmode: monitor\n",
                3,
                "mode",
                "vigil.yaml:3: mode: duplicate key 'mode' (first defined on line 1)");
        assertFails(
                "categories:\n  xss: off\n  xss: block\n",
                3,
                "categories.xss",
                "vigil.yaml:3: categories.xss: duplicate key 'xss' (first defined on line 2)");
    }

    @Test
    void parse_budget_out_of_range_is_refused() {
        for (String value : List.of("0", "-1", "1000.5", "1e9")) {
            PolicyException e = failure("budget_ms: " + value);
            assertThat(e.key()).isEqualTo("budget_ms");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.detail()).startsWith("must be greater than 0 and at most 1000 (milliseconds), got ");
        }
        assertFails(
                "budget_ms: 1001\n",
                1,
                "budget_ms",
                "vigil.yaml:1: budget_ms: must be greater than 0 and at most 1000 (milliseconds), got 1001");
    }

    @Test
    @Timeout(5)
    void parse_numbers_with_huge_exponents_are_handled_quickly() {
        assertThat(PolicyLoader.parse("budget_ms: 1e-999999999", SOURCE).budgetMicros())
                .isEqualTo(1);
        assertFails(
                "budget_ms: 1e999999999\n",
                1,
                "budget_ms",
                "vigil.yaml:1: budget_ms: must be greater than 0 and at most 1000 (milliseconds), got 1e999999999");
        assertFails(
                "telemetry:\n  batch_size: 1e1000000100\n",
                2,
                "telemetry.batch_size",
                "vigil.yaml:2: telemetry.batch_size: must be between 1 and 10000, got 1e1000000100");
        assertFails(
                "telemetry:\n  batch_size: 1e-1000000100\n",
                2,
                "telemetry.batch_size",
                "vigil.yaml:2: telemetry.batch_size: expected an integer, got '1e-1000000100'");
        assertFails(
                "version: 1e999999999\n",
                1,
                "version",
                "vigil.yaml:1: version: unsupported version '1e999999999' (expected 1)");
    }

    @Test
    void parse_version_other_than_1_is_refused() {
        assertFails("version: 2\n", 1, "version", "vigil.yaml:1: version: unsupported version '2' (expected 1)");
    }

    @Test
    void parse_category_ids_must_be_lower_case() {
        assertFails(
                "categories:\n  SQLi: off\n",
                2,
                "categories.SQLi",
                "vigil.yaml:2: categories.SQLi: invalid category id 'SQLi'"
                        + " (use lower-case letters, digits and '_', at most 64 characters)");
        assertFails(
                "exclusions:\n  - categories: [xss, Bad-Id]\n",
                2,
                "exclusions[0].categories[1]",
                "vigil.yaml:2: exclusions[0].categories[1]: invalid category id 'Bad-Id'"
                        + " (use lower-case letters, digits and '_', at most 64 characters)");
    }

    @Test
    void parse_exclusion_without_criteria_is_refused() {
        String expected = "exclusions[0]: an exclusion needs at least one of"
                + " functions, locations, parameters, categories, rules";
        assertFails("exclusions:\n  - {}\n", 2, "exclusions[0]", "vigil.yaml:2: " + expected);
        assertFails("exclusions:\n  - functions: []\n", 2, "exclusions[0]", "vigil.yaml:2: " + expected);
        assertFails(
                "exclusions:\n  - functions: ['']\n",
                2,
                "exclusions[0].functions[0]",
                "vigil.yaml:2: exclusions[0].functions[0]: must not be empty");
    }

    // ---- authenticity ----

    @Test
    void parse_unknown_authenticity_type_lists_the_types() {
        assertFails(
                """
                mode: block
                authenticity:
                  - type: github
                    secret_env: GITHUB_WEBHOOK_SECRET
                  - type: gitlab
                    secret_env: GITLAB_TOKEN
                """,
                5,
                "authenticity[1].type",
                "vigil.yaml:5: authenticity[1].type: unknown type 'gitlab'"
                        + " (expected one of github, stripe, slack, hmac, jwt)");
    }

    @Test
    void parse_missing_required_authenticity_key_names_it() {
        assertFails(
                "authenticity:\n  - type: github\n    paths: /webhooks/github\n",
                2,
                "authenticity[0].secret_env",
                "vigil.yaml:2: authenticity[0].secret_env: missing required key 'secret_env' for type 'github'");
        assertFails(
                "authenticity:\n  - type: hmac\n    secret_env: S\n",
                2,
                "authenticity[0].header",
                "vigil.yaml:2: authenticity[0].header: missing required key 'header' for type 'hmac'");
        assertFails(
                "authenticity:\n  - secret_env: S\n",
                2,
                "authenticity[0].type",
                "vigil.yaml:2: authenticity[0].type: missing required key 'type'"
                        + " (one of github, stripe, slack, hmac, jwt)");
        assertFails(
                """
                authenticity:
                  - type: jwt
                    jwks_env: JWKS
                    issuer: me
                    algorithms: [RS256]
                """,
                2,
                "authenticity[0].audience",
                "vigil.yaml:2: authenticity[0].audience: missing required key 'audience' for type 'jwt'");
    }

    @Test
    void parse_key_of_another_type_is_refused() {
        assertFails(
                "authenticity:\n  - type: github\n    secret_env: S\n    tolerance_s: 30\n",
                4,
                "authenticity[0].tolerance_s",
                "vigil.yaml:4: authenticity[0].tolerance_s: key 'tolerance_s' is not used by type 'github'"
                        + " (allowed keys: type, name, paths, secret_env)");
    }

    @Test
    void parse_jwt_none_algorithm_is_refused() {
        assertFails(
                """
                authenticity:
                  - type: jwt
                    jwks_env: JWKS
                    issuer: me
                    audience: you
                    algorithms: [RS256, None]
                """,
                6,
                "authenticity[0].algorithms[1]",
                "vigil.yaml:6: authenticity[0].algorithms[1]: algorithm 'none' is refused:"
                        + " unsigned tokens are never accepted");
    }

    @Test
    void parse_jwt_key_sources_must_fit_the_algorithms() {
        String base = "authenticity:\n  - type: jwt\n    issuer: me\n    audience: you\n";
        assertFails(
                base + "    algorithms: [HS256]\n",
                2,
                "authenticity[0].secret_env",
                "vigil.yaml:2: authenticity[0].secret_env: missing required key 'secret_env' for HS256"
                        + " (HMAC-signed tokens are verified with a shared secret)");
        assertFails(
                base + "    algorithms: [ES256]\n",
                2,
                "authenticity[0].jwks_file",
                "vigil.yaml:2: authenticity[0].jwks_file: missing required key 'jwks_file' or 'jwks_env' for ES256"
                        + " (the issuer's public keys, as a JWKS)");
        assertFails(
                base + "    algorithms: [ES256]\n    jwks_file: /k.json\n    jwks_env: K\n",
                7,
                "authenticity[0].jwks_env",
                "vigil.yaml:7: authenticity[0].jwks_env: give only one of jwks_file and jwks_env");
        assertFails(
                base + "    algorithms: [ES256]\n    jwks_env: K\n    secret_env: S\n",
                7,
                "authenticity[0].secret_env",
                "vigil.yaml:7: authenticity[0].secret_env: secret_env is only used with HS256, HS384 or HS512");
        assertFails(
                base + "    algorithms: [XS256]\n    jwks_env: K\n",
                5,
                "authenticity[0].algorithms[0]",
                "vigil.yaml:5: authenticity[0].algorithms[0]: unknown algorithm 'XS256' (expected one of HS256,"
                        + " HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA)");
    }

    @Test
    void parse_secret_env_must_be_a_variable_name_and_is_never_echoed() {
        PolicyException e = failure("authenticity:\n  - type: github\n    secret_env: \"hunter2 is my password\"\n");
        assertThat(e.getMessage())
                .isEqualTo("vigil.yaml:3: authenticity[0].secret_env: expected the name of an environment variable"
                        + " ([A-Za-z_][A-Za-z0-9_]*), not its value")
                .doesNotContain("hunter2");

        PolicyException pasted = failure("authenticity:\n  - type: stripe\n    secret_env: whsec_AbC123xyz\n");
        assertThat(pasted.getMessage())
                .isEqualTo("vigil.yaml:3: authenticity[0].secret_env: looks like a secret value;"
                        + " give the name of the environment variable that holds it")
                .doesNotContain("AbC123xyz");
    }

    @Test
    void parse_hmac_options_are_validated() {
        String base = "authenticity:\n  - type: hmac\n    secret_env: S\n";
        assertFails(
                base + "    header: 'X Signature'\n",
                4,
                "authenticity[0].header",
                "vigil.yaml:4: authenticity[0].header: invalid HTTP header name 'X Signature'");
        assertFails(
                base + "    header: X-Sig\n    algorithm: md5\n",
                5,
                "authenticity[0].algorithm",
                "vigil.yaml:5: authenticity[0].algorithm: unknown algorithm 'md5' (expected one of sha1, sha256,"
                        + " sha512)");
        assertFails(
                base + "    header: X-Sig\n    paths: [webhooks]\n",
                5,
                "authenticity[0].paths",
                "vigil.yaml:5: authenticity[0].paths: path globs start with '/' or '*', got 'webhooks'");
        Policy ok = PolicyLoader.parse(base + "    header: X-Sig\n", SOURCE);
        assertThat(ok.authenticity().get(0).settings())
                .isEqualTo(Map.of("secret_env", "S", "header", "X-Sig", "algorithm", "sha256", "encoding", "hex"));
    }

    // ---- telemetry ----

    @Test
    void parse_endpoint_must_be_http_url_without_credentials() {
        assertFails(
                "telemetry:\n  endpoint: ftp://collector.example.com/\n",
                2,
                "telemetry.endpoint",
                "vigil.yaml:2: telemetry.endpoint: expected an http or https URL");
        PolicyException e = failure("telemetry:\n  endpoint: https://user:s3cr3t@collector.example.com/\n");
        assertThat(e.getMessage())
                .isEqualTo("vigil.yaml:2: telemetry.endpoint: the URL must not contain credentials"
                        + " (put the token in the variable named by token_env)")
                .doesNotContain("s3cr3t");
        assertFails(
                "telemetry:\n  token_env: 'not a name'\n",
                2,
                "telemetry.token_env",
                "vigil.yaml:2: telemetry.token_env: expected the name of an environment variable"
                        + " ([A-Za-z_][A-Za-z0-9_]*), not its value");
    }

    // ---- YAML-level attacks and malformed input ----

    @Test
    @Timeout(5)
    void parse_billion_laughs_is_refused_quickly() {
        StringBuilder yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = String.valueOf(c);
        }
        long start = System.nanoTime();

        PolicyException e = failure(yaml.toString());

        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(e.getMessage())
                .isEqualTo("vigil.yaml:3: invalid YAML: too many aliases to lists or mappings (at most 10)");
    }

    @Test
    void parse_oversize_text_is_refused_before_parsing() {
        String yaml = "#".repeat(PolicyLoader.MAX_POLICY_BYTES) + "\n";

        PolicyException e = failure(yaml);

        assertThat(e.getMessage())
                .isEqualTo("vigil.yaml: policy file is larger than 1 MiB (1048576 bytes); refusing to parse it");
        assertThat(e.line()).isZero();
    }

    @Test
    void load_oversize_file_is_refused() throws Exception {
        Path file = dir.resolve("vigil.yaml");
        Files.write(
                file, ("mode: block\n" + "#".repeat(PolicyLoader.MAX_POLICY_BYTES)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PolicyLoader.load(file))
                .isInstanceOf(PolicyException.class)
                .hasMessage(file + ": policy file is larger than 1 MiB (1048576 bytes); refusing to parse it");
    }

    /** Would count instantiations if the loader ever constructed a tagged object. */
    public static final class Canary {
        static final AtomicInteger CREATED = new AtomicInteger();

        public Canary() {
            CREATED.incrementAndGet();
        }
    }

    @Test
    void parse_unknown_tag_is_refused_without_instantiation() {
        assertFails(
                "mode: !!dev.vigil.shield.policy.PolicyLoaderTest$Canary {}\n",
                1,
                "",
                "vigil.yaml:1: unsupported YAML tag '!!dev.vigil.shield.policy.PolicyLoaderTest$Canary'"
                        + " (only plain strings, numbers, booleans, lists and mappings are allowed)");
        assertFails(
                "mode: !canary block\n",
                1,
                "",
                "vigil.yaml:1: unsupported YAML tag '!canary'"
                        + " (only plain strings, numbers, booleans, lists and mappings are allowed)");
        assertThat(Canary.CREATED).hasValue(0);
    }

    @Test
    void parse_script_engine_gadget_is_refused_at_the_outermost_tag() {
        assertFails(
                "mode: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                        + " [\"http://127.0.0.1:1/\"]]]]\n",
                1,
                "",
                "vigil.yaml:1: unsupported YAML tag '!!javax.script.ScriptEngineManager'"
                        + " (only plain strings, numbers, booleans, lists and mappings are allowed)");
    }

    @Test
    void parse_standard_explicit_tags_are_allowed() {
        Policy p = PolicyLoader.parse("mode: !!str monitor\ntelemetry: !!map\n  batch_size: !!int 7\n", SOURCE);

        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.telemetry().batchSize()).isEqualTo(7);
    }

    @Test
    void parse_non_mapping_root_is_refused() {
        assertFails(
                "- mode\n- block\n",
                1,
                "",
                "vigil.yaml:1: the policy must be a mapping of keys (like 'mode: block'), got a list");
        assertFails(
                "block\n",
                1,
                "",
                "vigil.yaml:1: the policy must be a mapping of keys (like 'mode: block'), got 'block'");
    }

    @Test
    void parse_deep_nesting_is_refused_without_stack_overflow() {
        PolicyException e = failure("mode: " + "[".repeat(200_000));

        assertThat(e.getMessage()).isEqualTo("vigil.yaml:1: nested deeper than 32 levels");
    }

    @Test
    void parse_merge_keys_are_refused() {
        assertFails(
                "base: &b {stdout: false}\ntelemetry:\n  <<: *b\n",
                3,
                "",
                "vigil.yaml:3: merge keys ('<<') are not supported");
        assertFails(
                "mode: <<\n", 1, "mode", "vigil.yaml:1: mode: unknown mode '<<' (expected one of block, monitor, off)");
    }

    @Test
    void parse_syntax_error_names_the_line() {
        PolicyException e = failure("mode: block\ncategories:\n  xss: [monitor\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEmpty();
        assertThat(e.getMessage()).startsWith("vigil.yaml:4: invalid YAML: ");
    }

    @Test
    void parse_several_documents_are_refused() {
        PolicyException e = failure("mode: block\n---\nmode: off\n");

        assertThat(e.getMessage()).startsWith("vigil.yaml:2: invalid YAML: ");
    }

    @Test
    void parse_control_characters_are_refused_with_their_line() {
        PolicyException e = failure("mode: block\nbudget_ms: 5\u0001\n");

        assertThat(e.getMessage()).isEqualTo("vigil.yaml:2: invalid YAML: character U+0001 is not allowed");
    }

    @Test
    void load_missing_file_names_it() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> PolicyLoader.load(missing))
                .isInstanceOf(PolicyException.class)
                .hasMessage(missing + ": policy file not found");
    }

    @Test
    void load_invalid_utf8_is_refused() throws Exception {
        Path file = dir.resolve("vigil.yaml");
        Files.write(file, new byte[] {'m', 'o', 'd', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> PolicyLoader.load(file))
                .isInstanceOf(PolicyException.class)
                .hasMessage(file + ": policy file is not valid UTF-8");
    }

    @Test
    void error_messages_escape_control_characters_and_cut_long_text() {
        PolicyException e = failure("mode: \"blo\\u001bck" + "k".repeat(100) + "\"\n");

        assertThat(e.getMessage())
                .contains("unknown mode 'blo\\u001bck")
                .contains("...' (expected one of block, monitor, off)")
                .doesNotContain("\u001b")
                .hasSizeLessThan(200);
    }
}
