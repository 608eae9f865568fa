package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StripeAuthenticatorTest {

    private static final String SECRET = "whsec_test_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH";
    private static final String BODY = "{\n  \"id\": \"evt_1\",\n  \"type\": \"payment_intent.succeeded\"\n}";

    private final Authenticator stripe = Authenticators.create(
            config("stripe", List.of("/stripe"), "secret_env", "STRIPE_WHSEC"), env("STRIPE_WHSEC", SECRET));

    private static String v1(String secret, long t, String body) {
        return hex(hmac("HmacSHA256", secret, t + "." + body));
    }

    private AuthResult verify(String header, String body, long now) {
        return stripe.verify(request("/stripe", body, "Stripe-Signature", header), now);
    }

    @Test
    void valid_signature_passes() {
        assertThat(verify("t=" + NOW + ",v1=" + v1(SECRET, NOW, BODY), BODY, NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void any_matching_v1_passes_and_v0_is_ignored() {
        String header = "t=" + NOW + ",v1=" + v1("old-secret", NOW, BODY) + ",v1=" + v1(SECRET, NOW, BODY) + ",v0="
                + v1("whatever", NOW, BODY);

        assertThat(verify(header, BODY, NOW).isOk()).isTrue();
    }

    @Test
    void v0_alone_is_not_enough() {
        assertThat(verify("t=" + NOW + ",v0=" + v1(SECRET, NOW, BODY), BODY, NOW)
                        .code())
                .isEqualTo(AuthResult.MALFORMED_SIGNATURE);
    }

    @Test
    void tampered_body_is_bad_signature() {
        String header = "t=" + NOW + ",v1=" + v1(SECRET, NOW, BODY);

        assertThat(verify(header, BODY.replace("succeeded", "failed"), NOW).code())
                .isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void tampered_timestamp_is_bad_signature() {
        String header = "t=" + (NOW + 1) + ",v1=" + v1(SECRET, NOW, BODY);

        assertThat(verify(header, BODY, NOW).code()).isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void wrong_secret_is_bad_signature() {
        AuthResult result = verify("t=" + NOW + ",v1=" + v1("whsec_other", NOW, BODY), BODY, NOW);

        assertThat(result.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(result.reason()).doesNotContain(SECRET).doesNotContain(v1(SECRET, NOW, BODY));
    }

    @Test
    void missing_header_is_missing_signature() {
        assertThat(stripe.verify(request("/stripe", BODY), NOW).code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
    }

    @Test
    void malformed_headers_are_malformed_signature() {
        String sig = v1(SECRET, NOW, BODY);
        List<String> malformed = List.of(
                "v1=" + sig, // no timestamp
                "t=" + NOW, // no signature
                "t=abc,v1=" + sig,
                "t=-5,v1=" + sig,
                "t=" + NOW + ",t=" + NOW + ",v1=" + sig,
                "t=" + NOW + ",v1=xyz",
                "t=" + NOW + ",v1=" + sig.substring(4),
                "garbage",
                "t=" + NOW + ",v1=" + sig + ",v1=" + "ab".repeat(600));
        for (String header : malformed) {
            assertThat(verify(header, BODY, NOW).code()).as(header).isEqualTo(AuthResult.MALFORMED_SIGNATURE);
        }
    }

    @Test
    void old_timestamp_is_expired_at_the_default_tolerance() {
        long signedAt = NOW - 301;
        String header = "t=" + signedAt + ",v1=" + v1(SECRET, signedAt, BODY);

        assertThat(verify(header, BODY, NOW).code()).isEqualTo(AuthResult.EXPIRED);
        assertThat(verify(header, BODY, NOW - 1).isOk())
                .as("300 s old is within tolerance")
                .isTrue();
    }

    @Test
    void future_timestamp_is_expired() {
        long signedAt = NOW + 301;
        String header = "t=" + signedAt + ",v1=" + v1(SECRET, signedAt, BODY);

        assertThat(verify(header, BODY, NOW).code()).isEqualTo(AuthResult.EXPIRED);
    }

    @Test
    void tolerance_is_configurable() {
        Authenticator strict = Authenticators.create(
                config("stripe", List.of(), "secret_env", "S", "tolerance_s", "10"), env("S", SECRET));
        long signedAt = NOW - 11;
        String header = "t=" + signedAt + ",v1=" + v1(SECRET, signedAt, BODY);

        assertThat(strict.verify(request("/x", BODY, "stripe-signature", header), NOW)
                        .code())
                .isEqualTo(AuthResult.EXPIRED);
        assertThat(strict.verify(request("/x", BODY, "stripe-signature", header), NOW - 1)
                        .isOk())
                .isTrue();
    }

    @Test
    void bad_tolerance_is_rejected_naming_the_setting() {
        assertThatThrownBy(() -> Authenticators.create(
                        config("stripe", List.of(), "secret_env", "S", "tolerance_s", "five minutes"),
                        env("S", SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tolerance_s'");
    }

    @Test
    void path_outside_the_globs_is_not_applied() {
        assertThat(stripe.appliesTo(request("/stripe", BODY))).isTrue();
        assertThat(stripe.appliesTo(request("/github", BODY))).isFalse();
    }
}
