package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GithubAuthenticatorTest {

    private static final String SECRET = "gh-webhook-secret-9f2c";
    private static final String BODY = "{\"action\":\"opened\",\"number\":42}";

    private final Authenticator github = Authenticators.create(
            config("github", List.of("/hooks/github"), "secret_env", "GH_SECRET"), env("GH_SECRET", SECRET));

    private static String signature(String secret, String body) {
        return "sha256=" + hex(hmac("HmacSHA256", secret, body));
    }

    @Test
    void valid_signature_passes() {
        AuthResult result =
                github.verify(request("/hooks/github", BODY, "X-Hub-Signature-256", signature(SECRET, BODY)), NOW);

        assertThat(result.isOk()).isTrue();
        assertThat(result.code()).isNull();
    }

    @Test
    void documented_example_from_github_verifies() {
        // GitHub's published example: secret "It's a Secret to Everybody", payload "Hello, World!".
        Authenticator docs = Authenticators.create(
                config("github", List.of(), "secret_env", "S"), env("S", "It's a Secret to Everybody"));
        String sig = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThat(docs.verify(request("/", "Hello, World!", "x-hub-signature-256", sig), NOW)
                        .isOk())
                .isTrue();
        assertThat(docs.verify(request("/", "Hello, World?", "x-hub-signature-256", sig), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void uppercase_hex_is_accepted() {
        String sig = "sha256=" + hex(hmac("HmacSHA256", SECRET, BODY)).toUpperCase(java.util.Locale.ROOT);

        assertThat(github.verify(request("/hooks/github", BODY, "x-hub-signature-256", sig), NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void tampered_body_is_bad_signature() {
        AuthResult result = github.verify(
                request("/hooks/github", BODY.replace("42", "43"), "x-hub-signature-256", signature(SECRET, BODY)),
                NOW);

        assertThat(result.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void body_is_verified_as_raw_bytes_not_as_text() {
        byte[] body = {(byte) 0xff, 0x00, (byte) 0xfe, 0x7b};
        String sig = "sha256=" + hex(hmac("HmacSHA256", SECRET, body));

        assertThat(github.verify(request("/hooks/github", body, "x-hub-signature-256", sig), NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void wrong_secret_is_bad_signature() {
        AuthResult result = github.verify(
                request("/hooks/github", BODY, "x-hub-signature-256", signature("another-secret", BODY)), NOW);

        assertThat(result.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(result.reason()).doesNotContain(SECRET).doesNotContain(hex(hmac("HmacSHA256", SECRET, BODY)));
    }

    @Test
    void missing_header_is_missing_signature() {
        assertThat(github.verify(request("/hooks/github", BODY), NOW).code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
        assertThat(github.verify(request("/hooks/github", BODY, "x-hub-signature-256", "  "), NOW)
                        .code())
                .isEqualTo(AuthResult.MISSING_SIGNATURE);
    }

    @Test
    void sha1_header_alone_does_not_count() {
        String sha1 = "sha1=" + hex(hmac("HmacSHA1", SECRET, BODY));

        assertThat(github.verify(request("/hooks/github", BODY, "x-hub-signature", sha1), NOW)
                        .code())
                .isEqualTo(AuthResult.MISSING_SIGNATURE);
    }

    @Test
    void malformed_headers_are_malformed_signature() {
        String good = hex(hmac("HmacSHA256", SECRET, BODY));
        List<String> malformed = List.of(
                good, // no prefix
                "sha1=" + good,
                "sha256=" + good.substring(1), // odd length
                "sha256=" + good.substring(2), // 31 bytes
                "sha256=" + good.substring(0, 62) + "zz",
                "sha256=",
                "sha256=" + good + good,
                "sha256=" + "a".repeat(2000));
        for (String header : malformed) {
            assertThat(github.verify(request("/hooks/github", BODY, "x-hub-signature-256", header), NOW)
                            .code())
                    .as(header)
                    .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void path_outside_the_globs_is_not_applied() {
        assertThat(github.appliesTo(request("/hooks/github", BODY))).isTrue();
        assertThat(github.appliesTo(request("/hooks/stripe", BODY))).isFalse();
        assertThat(github.appliesTo(request("/hooks/github/extra", BODY))).isFalse();
    }

    @Test
    void empty_paths_apply_everywhere() {
        Authenticator everywhere =
                Authenticators.create(config("github", List.of(), "secret_env", "S"), env("S", SECRET));

        assertThat(everywhere.appliesTo(request("/anything/at/all", BODY))).isTrue();
        assertThat(everywhere.appliesTo(new dev.vigil.shield.inspect.HttpRequestView("GET", null, null, null, null)))
                .isTrue();
    }

    @Test
    void odd_request_shapes_fail_without_throwing() {
        var nulls = new dev.vigil.shield.inspect.HttpRequestView("POST", null, null, null, null);

        assertThat(github.verify(nulls, NOW).code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
        assertThat(github.verify(null, NOW).code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
    }

    @Test
    void type_and_name_come_from_the_config() {
        assertThat(github.type()).isEqualTo("github");
        assertThat(github.name()).isEqualTo("github-test");
        assertThat(github.configProblem()).isNull();
    }
}
