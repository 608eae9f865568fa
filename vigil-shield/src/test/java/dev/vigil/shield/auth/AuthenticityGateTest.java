package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.policy.AuthenticityConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticityGateTest {

    private static final String GH_SECRET = "gate-github-secret";
    private static final String HMAC_SECRET = "gate-internal-secret";
    private static final String BODY = "{\"ref\":\"refs/heads/main\"}";

    private final Authenticator github = Authenticators.create(
            new AuthenticityConfig("github-hooks", "github", List.of("/hooks/*"), Map.of("secret_env", "GH"), 3),
            env("GH", GH_SECRET));
    private final Authenticator internal = Authenticators.create(
            new AuthenticityConfig(
                    "internal-relay",
                    "hmac",
                    List.of("/hooks/relay", "/internal/*"),
                    Map.of("secret_env", "RELAY", "header", "X-Relay-Signature"),
                    9),
            env("RELAY", HMAC_SECRET));
    private final AuthenticityGate gate = new AuthenticityGate(List.of(github, internal));

    private static String ghSig(String body) {
        return "sha256=" + hex(hmac("HmacSHA256", GH_SECRET, body));
    }

    private static String relaySig(String body) {
        return hex(hmac("HmacSHA256", HMAC_SECRET, body));
    }

    @Test
    void request_matching_no_authenticator_passes() {
        AuthResult result = gate.check(request("/public/status", BODY), NOW);

        assertThat(result.isOk()).isTrue();
        assertThat(result.authenticator()).isNull();
    }

    @Test
    void only_applicable_authenticators_run() {
        assertThat(gate.check(request("/hooks/push", BODY, "x-hub-signature-256", ghSig(BODY)), NOW)
                        .isOk())
                .as("internal does not guard /hooks/push")
                .isTrue();
        assertThat(gate.check(request("/internal/jobs", BODY, "x-relay-signature", relaySig(BODY)), NOW)
                        .isOk())
                .as("github does not guard /internal/*")
                .isTrue();
    }

    @Test
    void every_applicable_authenticator_must_pass() {
        HttpRequestView both =
                request("/hooks/relay", BODY, "x-hub-signature-256", ghSig(BODY), "x-relay-signature", relaySig(BODY));

        assertThat(gate.check(both, NOW).isOk()).isTrue();
    }

    @Test
    void first_failure_is_returned_with_the_authenticator_name() {
        HttpRequestView badRelay = request(
                "/hooks/relay", BODY, "x-hub-signature-256", ghSig(BODY), "x-relay-signature", relaySig(BODY + "x"));
        HttpRequestView bothBad = request("/hooks/relay", BODY);

        AuthResult second = gate.check(badRelay, NOW);
        assertThat(second.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(second.authenticator()).isEqualTo("internal-relay");

        AuthResult first = gate.check(bothBad, NOW);
        assertThat(first.code()).isEqualTo(AuthResult.MISSING_SIGNATURE);
        assertThat(first.authenticator()).isEqualTo("github-hooks");
    }

    @Test
    void throwing_authenticator_fails_closed() {
        Authenticator broken = new Authenticator() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String type() {
                return "hmac";
            }

            @Override
            public boolean appliesTo(HttpRequestView request) {
                return true;
            }

            @Override
            public AuthResult verify(HttpRequestView request, long nowEpochSeconds) {
                throw new IllegalStateException("boom");
            }
        };

        AuthResult result = new AuthenticityGate(List.of(broken)).check(request("/", BODY), NOW);

        assertThat(result.code()).isEqualTo(AuthResult.VERIFICATION_ERROR);
        assertThat(result.authenticator()).isEqualTo("broken");
    }

    @Test
    void config_problems_are_collected_for_reporting() {
        Authenticator unavailable = Authenticators.create(config("stripe", List.of(), "secret_env", "MISSING"), env());
        AuthenticityGate withProblem = new AuthenticityGate(List.of(github, unavailable));

        assertThat(withProblem.configProblems()).singleElement().asString().contains("MISSING");
        assertThat(gate.configProblems()).isEmpty();
        assertThat(new AuthenticityGate(List.of()).isEmpty()).isTrue();
        assertThat(withProblem.check(request("/anywhere", BODY), NOW).code()).isEqualTo(AuthResult.SECRET_UNAVAILABLE);
    }

    @Test
    void gate_mixes_webhook_and_jwt_authenticators() throws Exception {
        var rsa = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k").generate();
        Authenticator jwt = Authenticators.create(
                config("jwt", List.of("/api/*"), "jwks_env", "JWKS", "algorithms", "RS256", "audience", "api"),
                env("JWKS", new com.nimbusds.jose.jwk.JWKSet(rsa.toPublicJWK()).toString()));
        var token = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                        .keyID("k")
                        .build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .audience("api")
                        .expirationTime(new java.util.Date((NOW + 60) * 1000))
                        .build());
        token.sign(new com.nimbusds.jose.crypto.RSASSASigner(rsa));
        AuthenticityGate mixed = new AuthenticityGate(List.of(github, jwt));

        assertThat(mixed.check(request("/api/x", "", "authorization", "Bearer " + token.serialize()), NOW)
                        .isOk())
                .isTrue();
        AuthResult expired =
                mixed.check(request("/api/x", "", "authorization", "Bearer " + token.serialize()), NOW + 3600);
        assertThat(expired.code()).isEqualTo(AuthResult.EXPIRED);
        assertThat(expired.authenticator()).isEqualTo("jwt-test");
    }
}
