package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HmacHeaderAuthenticatorTest {

    private static final String SECRET = "generic-shared-secret";
    private static final String BODY = "{\"event\":\"invoice.paid\",\"id\":7}";

    private static Authenticator create(String... settings) {
        return Authenticators.create(config("hmac", List.of("/hooks/*"), settings), env("HOOK_SECRET", SECRET));
    }

    @ParameterizedTest
    @CsvSource({
        "sha1,   HmacSHA1,   hex",
        "sha256, HmacSHA256, hex",
        "sha512, HmacSHA512, hex",
        "sha1,   HmacSHA1,   base64",
        "sha256, HmacSHA256, base64",
        "SHA512, HmacSHA512, base64"
    })
    void valid_signature_passes_for_every_algorithm_and_encoding(String algorithm, String jca, String encoding) {
        Authenticator hmac = create(
                "secret_env", "HOOK_SECRET", "header", "X-Signature", "algorithm", algorithm, "encoding", encoding);
        byte[] mac = hmac(jca, SECRET, BODY);
        String value = encoding.equals("hex") ? hex(mac) : Base64.getEncoder().encodeToString(mac);

        assertThat(hmac.verify(request("/hooks/a", BODY, "x-signature", value), NOW)
                        .isOk())
                .isTrue();
        assertThat(hmac.verify(request("/hooks/a", BODY + " ", "x-signature", value), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void default_is_sha256_hex() {
        Authenticator hmac = create("secret_env", "HOOK_SECRET", "header", "X-Signature");

        assertThat(hmac.verify(request("/hooks/a", BODY, "x-signature", hex(hmac("HmacSHA256", SECRET, BODY))), NOW)
                        .isOk())
                .isTrue();
        assertThat(hmac.verify(request("/hooks/a", BODY, "x-signature", hex(hmac("HmacSHA1", SECRET, BODY))), NOW)
                        .code())
                .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
    }

    @Test
    void prefix_is_stripped_and_required() {
        Authenticator hmac =
                create("secret_env", "HOOK_SECRET", "header", "X-Signature", "prefix", "sha256=", "encoding", "hex");
        String mac = hex(hmac("HmacSHA256", SECRET, BODY));

        assertThat(hmac.verify(request("/hooks/a", BODY, "x-signature", "sha256=" + mac), NOW)
                        .isOk())
                .isTrue();
        assertThat(hmac.verify(request("/hooks/a", BODY, "x-signature", mac), NOW)
                        .code())
                .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
    }

    @Test
    void url_safe_base64_is_accepted() {
        Authenticator hmac = create(
                "secret_env", "HOOK_SECRET", "header", "X-Signature", "encoding", "base64", "algorithm", "sha512");
        byte[] mac = hmac("HmacSHA512", SECRET, BODY);

        assertThat(hmac.verify(
                                request(
                                        "/hooks/a",
                                        BODY,
                                        "x-signature",
                                        Base64.getUrlEncoder().withoutPadding().encodeToString(mac)),
                                NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void wrong_secret_is_bad_signature() {
        Authenticator hmac = create("secret_env", "HOOK_SECRET", "header", "X-Signature");

        AuthResult result = hmac.verify(
                request("/hooks/a", BODY, "x-signature", hex(hmac("HmacSHA256", "not-the-secret", BODY))), NOW);

        assertThat(result.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(result.reason()).doesNotContain(SECRET);
    }

    @Test
    void missing_and_malformed_headers() {
        Authenticator hex = create("secret_env", "HOOK_SECRET", "header", "X-Signature");
        Authenticator b64 = create("secret_env", "HOOK_SECRET", "header", "X-Signature", "encoding", "base64");

        assertThat(hex.verify(request("/hooks/a", BODY), NOW).code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
        assertThat(hex.verify(request("/hooks/a", BODY, "x-signature", "not hex at all!"), NOW)
                        .code())
                .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(b64.verify(request("/hooks/a", BODY, "x-signature", "***not base64***"), NOW)
                        .code())
                .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        assertThat(b64.verify(request("/hooks/a", BODY, "x-signature", "AAAA"), NOW)
                        .code())
                .as("decodes, but to 3 bytes")
                .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
    }

    @Test
    void path_outside_the_globs_is_not_applied() {
        Authenticator hmac = create("secret_env", "HOOK_SECRET", "header", "X-Signature");

        assertThat(hmac.appliesTo(request("/hooks/anything", BODY))).isTrue();
        assertThat(hmac.appliesTo(request("/api/users", BODY))).isFalse();
    }

    @Test
    void invalid_settings_are_rejected_naming_the_setting() {
        assertThatThrownBy(() -> create("secret_env", "HOOK_SECRET"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'header'");
        assertThatThrownBy(() -> create("secret_env", "HOOK_SECRET", "header", "X-Sig", "algorithm", "md5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'algorithm'")
                .hasMessageContaining("md5");
        assertThatThrownBy(() -> create("secret_env", "HOOK_SECRET", "header", "X-Sig", "encoding", "base32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'encoding'");
        assertThatThrownBy(() -> create("secret_env", "HOOK_SECRET", "header", "X-Sig", "secret-env", "X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'secret-env'")
                .hasMessageContaining("unknown setting");
    }
}
