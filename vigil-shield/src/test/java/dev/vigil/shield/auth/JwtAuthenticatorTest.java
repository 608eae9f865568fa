package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vigil.shield.inspect.HttpRequestView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {

    private static final String ISSUER = "https://id.example.test/";
    private static final String HS_SECRET = "hs-shared-secret-that-is-at-least-32-bytes-long";

    @TempDir
    static Path dir;

    private static RSAKey rsa;
    private static RSAKey otherRsa;
    private static ECKey ec;
    private static java.security.KeyPair ed25519;
    private static Path jwksFile;
    private static String jwksJson;

    @BeforeAll
    static void keys() throws JOSEException, IOException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        // Same kid as rsa, different key: a forger who knows the kid but not the private key.
        otherRsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ed25519 = generateEd25519();
        jwksJson = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK(), edJwk(ed25519, "ed-1"))).toString();
        jwksFile = dir.resolve("jwks.json");
        Files.writeString(jwksFile, jwksJson);
    }

    private static Authenticator fromFile(String... extra) {
        String[] settings = concat(
                new String[] {
                    "jwks_file",
                    jwksFile.toString(),
                    "issuer",
                    ISSUER,
                    "audience",
                    "orders-api, billing-api",
                    "algorithms",
                    "RS256,ES256"
                },
                extra);
        return Authenticators.create(config("jwt", List.of("/api/*"), settings), env());
    }

    private static String[] concat(String[] base, String[] extra) {
        String[] out = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, out, base.length, extra.length);
        // Later keys win, as in a map literal.
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < out.length; i += 2) {
            map.put(out[i], out[i + 1]);
        }
        return map.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    /** Ed25519 from the JDK (Nimbus's own generator needs Tink, which is not on the classpath). */
    private static java.security.KeyPair generateEd25519() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.nimbusds.jose.jwk.OctetKeyPair edJwk(java.security.KeyPair pair, String kid) {
        byte[] spki = pair.getPublic().getEncoded(); // 12-byte SubjectPublicKeyInfo header + 32-byte key
        byte[] x = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return new com.nimbusds.jose.jwk.OctetKeyPair.Builder(Curve.Ed25519, com.nimbusds.jose.util.Base64URL.encode(x))
                .keyID(kid)
                .build();
    }

    /** An EdDSA JWS built and signed by hand with the JDK, independently of the verifier under test. */
    private static String edDsa(java.security.KeyPair pair, String kid, Consumer<JWTClaimsSet.Builder> edit)
            throws java.security.GeneralSecurityException {
        JWTClaimsSet.Builder builder = claims();
        edit.accept(builder);
        String input = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}") + "."
                + b64(builder.build().toString());
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-17")
                .audience("orders-api")
                .issueTime(new Date((NOW - 10) * 1000))
                .notBeforeTime(new Date((NOW - 10) * 1000))
                .expirationTime(new Date((NOW + 600) * 1000));
    }

    private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, Consumer<JWTClaimsSet.Builder> edit)
            throws JOSEException {
        JWTClaimsSet.Builder builder = claims();
        edit.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), builder.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rs256(Consumer<JWTClaimsSet.Builder> edit) throws JOSEException {
        return sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), edit);
    }

    private static HttpRequestView bearer(String token) {
        return request("/api/orders", "{}", "Authorization", "Bearer " + token);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void valid_rs256_token_passes() throws JOSEException {
        AuthResult result = fromFile().verify(bearer(rs256(c -> {})), NOW);

        assertThat(result.isOk()).as(String.valueOf(result)).isTrue();
    }

    @Test
    void valid_es256_token_passes() throws JOSEException {
        String token = sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), c -> {});

        assertThat(fromFile().verify(bearer(token), NOW).isOk()).isTrue();
    }

    @Test
    void valid_eddsa_token_passes_when_allowed() throws Exception {
        Authenticator withEd = fromFile("algorithms", "RS256,EdDSA");
        String token = edDsa(ed25519, "ed-1", c -> {});

        assertThat(withEd.verify(bearer(token), NOW).isOk()).isTrue();
        assertThat(withEd.verify(bearer(edDsa(generateEd25519(), "ed-1", c -> {})), NOW)
                        .code())
                .as("signed by another Ed25519 key")
                .isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(withEd.verify(bearer(edDsa(ed25519, "ed-1", c -> c.audience("other-api"))), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_AUDIENCE);
        assertThat(fromFile().verify(bearer(token), NOW).code())
                .as("EdDSA is not in the default RS256,ES256 allowlist of fromFile()")
                .isEqualTo(AuthResult.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void jwks_can_come_from_an_environment_variable() throws JOSEException {
        Authenticator jwt = Authenticators.create(
                config("jwt", List.of(), "jwks_env", "JWKS", "issuer", ISSUER, "audience", "orders-api"),
                env("JWKS", jwksJson));

        assertThat(jwt.verify(bearer(rs256(c -> {})), NOW).isOk()).isTrue();
        assertThat(jwt.verify(bearer(sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), c -> {})), NOW)
                        .isOk())
                .as("default allowlist follows the JWKS key types")
                .isTrue();
        assertThat(jwt.verify(bearer(rs256(c -> c.issuer("https://evil.test/"))), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_ISSUER);
    }

    @Test
    void jwks_with_private_members_is_reduced_to_public_keys() throws JOSEException, IOException {
        Path file = dir.resolve("private-jwks.json");
        Files.writeString(file, new JWKSet(List.of(rsa)).toString(false));
        Authenticator jwt = Authenticators.create(
                config("jwt", List.of(), "jwks_file", file.toString(), "algorithms", "RS256"), env());

        assertThat(jwt.verify(bearer(rs256(c -> {})), NOW).isOk()).isTrue();
    }

    @Test
    void expired_token_is_refused_after_the_leeway() throws JOSEException {
        Authenticator jwt = fromFile();

        assertThat(jwt.verify(bearer(rs256(c -> c.expirationTime(new Date((NOW - 61) * 1000)))), NOW)
                        .code())
                .isEqualTo(AuthResult.EXPIRED);
        assertThat(jwt.verify(bearer(rs256(c -> c.expirationTime(new Date((NOW - 59) * 1000)))), NOW)
                        .isOk())
                .as("within the default 60 s leeway")
                .isTrue();
    }

    @Test
    void leeway_is_configurable() throws JOSEException {
        Authenticator strict = fromFile("leeway_s", "0");

        assertThat(strict.verify(bearer(rs256(c -> c.expirationTime(new Date(NOW * 1000)))), NOW)
                        .code())
                .isEqualTo(AuthResult.EXPIRED);
        assertThat(strict.verify(bearer(rs256(c -> c.expirationTime(new Date((NOW + 1) * 1000)))), NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void token_not_valid_yet_is_refused() throws JOSEException {
        Authenticator jwt = fromFile();

        assertThat(jwt.verify(bearer(rs256(c -> c.notBeforeTime(new Date((NOW + 61) * 1000)))), NOW)
                        .code())
                .isEqualTo(AuthResult.NOT_YET_VALID);
        assertThat(jwt.verify(bearer(rs256(c -> c.notBeforeTime(new Date((NOW + 59) * 1000)))), NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void wrong_or_missing_issuer_is_bad_issuer() throws JOSEException {
        Authenticator jwt = fromFile();

        assertThat(jwt.verify(bearer(rs256(c -> c.issuer("https://id.example.test"))), NOW)
                        .code())
                .as("issuer must match exactly")
                .isEqualTo(AuthResult.BAD_ISSUER);
        assertThat(jwt.verify(bearer(rs256(c -> c.issuer(null))), NOW).code()).isEqualTo(AuthResult.BAD_ISSUER);
    }

    @Test
    void audience_must_intersect_the_configured_list() throws JOSEException {
        Authenticator jwt = fromFile();

        assertThat(jwt.verify(bearer(rs256(c -> c.audience("inventory-api"))), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_AUDIENCE);
        assertThat(jwt.verify(bearer(rs256(c -> c.audience((String) null))), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_AUDIENCE);
        assertThat(jwt.verify(bearer(rs256(c -> c.audience(List.of("inventory-api", "billing-api")))), NOW)
                        .isOk())
                .isTrue();
    }

    @Test
    void alg_none_token_is_refused_before_verification() {
        Authenticator jwt = fromFile();
        String payload = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"orders-api\",\"exp\":" + (NOW + 600) + "}");

        for (String header :
                List.of("{\"alg\":\"none\"}", "{\"alg\":\"None\"}", "{\"alg\":\"NONE\",\"typ\":\"JWT\"}")) {
            AuthResult unsigned = jwt.verify(bearer(b64(header) + "." + payload + "."), NOW);
            assertThat(unsigned.code()).as(header).isEqualTo(AuthResult.ALGORITHM_NOT_ALLOWED);
        }
        AuthResult withJunkSignature = jwt.verify(bearer(b64("{\"alg\":\"none\"}") + "." + payload + ".AAAA"), NOW);
        assertThat(withJunkSignature.code()).isEqualTo(AuthResult.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256_token_signed_with_the_rsa_public_key_is_refused() throws JOSEException {
        // The classic algorithm-confusion forgery: HMAC keyed with the (public) RSA key bytes.
        byte[] publicKeyBytes = rsa.toRSAPublicKey().getEncoded();
        String forged = sign(JWSAlgorithm.HS256, "rsa-1", new MACSigner(publicKeyBytes), c -> {});

        assertThat(fromFile().verify(bearer(forged), NOW).code()).isEqualTo(AuthResult.ALGORITHM_NOT_ALLOWED);

        // Even where HS256 is allowed, HS tokens verify only with the configured secret, never with JWKS keys.
        Authenticator mixed = Authenticators.create(
                config(
                        "jwt",
                        List.of(),
                        "jwks_file",
                        jwksFile.toString(),
                        "algorithms",
                        "RS256,HS256",
                        "secret_env",
                        "JWT_SECRET"),
                env("JWT_SECRET", HS_SECRET));
        String pemForged = sign(
                JWSAlgorithm.HS256,
                "rsa-1",
                new MACSigner(rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)),
                c -> {});
        assertThat(mixed.verify(bearer(forged), NOW).code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(mixed.verify(bearer(pemForged), NOW).code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(mixed.verify(bearer(sign(JWSAlgorithm.HS256, null, new MACSigner(HS_SECRET), c -> {})), NOW)
                        .isOk())
                .isTrue();
        assertThat(mixed.verify(bearer(rs256(c -> {})), NOW).isOk()).isTrue();
    }

    @Test
    void es256_token_is_refused_when_only_rs256_is_allowed() throws JOSEException {
        Authenticator rsOnly = fromFile("algorithms", "RS256");
        String token = sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), c -> {});

        assertThat(rsOnly.verify(bearer(token), NOW).code()).isEqualTo(AuthResult.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void unknown_kid_is_unknown_key() throws JOSEException {
        String token = sign(JWSAlgorithm.RS256, "rsa-rotated-away", new RSASSASigner(rsa), c -> {});

        assertThat(fromFile().verify(bearer(token), NOW).code()).isEqualTo(AuthResult.UNKNOWN_KEY);
    }

    @Test
    void kid_of_a_key_of_another_type_is_unknown_key() throws JOSEException {
        String token = sign(JWSAlgorithm.RS256, "ec-1", new RSASSASigner(rsa), c -> {});

        assertThat(fromFile().verify(bearer(token), NOW).code()).isEqualTo(AuthResult.UNKNOWN_KEY);
    }

    @Test
    void token_without_kid_is_tried_against_keys_of_its_type() throws JOSEException {
        assertThat(fromFile()
                        .verify(bearer(sign(JWSAlgorithm.RS256, null, new RSASSASigner(rsa), c -> {})), NOW)
                        .isOk())
                .isTrue();
        assertThat(fromFile()
                        .verify(bearer(sign(JWSAlgorithm.RS256, null, new RSASSASigner(otherRsa), c -> {})), NOW)
                        .code())
                .isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void token_signed_by_another_key_with_a_known_kid_is_bad_signature() throws JOSEException {
        String token = sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(otherRsa), c -> {});

        AuthResult result = fromFile().verify(bearer(token), NOW);

        assertThat(result.code()).isEqualTo(AuthResult.BAD_SIGNATURE);
        assertThat(result.reason()).doesNotContain(token);
    }

    @Test
    void tampered_payload_is_bad_signature() throws JOSEException {
        String token = rs256(c -> {});
        String[] parts = token.split("\\.");
        String escalated = parts[0] + "." + b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"orders-api\",\"sub\":\"admin\"}")
                + "." + parts[2];

        assertThat(fromFile().verify(bearer(escalated), NOW).code()).isEqualTo(AuthResult.BAD_SIGNATURE);
    }

    @Test
    void missing_header_is_missing_token() {
        assertThat(fromFile().verify(request("/api/orders", "{}"), NOW).code()).isEqualTo(AuthResult.MISSING_TOKEN);
    }

    @Test
    void token_not_in_bearer_form_is_malformed() throws JOSEException {
        String token = rs256(c -> {});
        Authenticator jwt = fromFile();

        for (String value : List.of(token, "Basic " + token, "Token " + token, "Bearer", "Bearer  ", "Bearer a.b")) {
            AuthResult result = jwt.verify(request("/api/orders", "{}", "authorization", value), NOW);
            assertThat(result.code()).as(value).isIn(AuthResult.MALFORMED_TOKEN, AuthResult.MISSING_TOKEN);
            assertThat(result.isOk()).isFalse();
            assertThat(result.reason()).doesNotContain(token);
        }
        assertThat(jwt.verify(request("/api/orders", "{}", "authorization", "Basic " + token), NOW)
                        .code())
                .isEqualTo(AuthResult.MALFORMED_TOKEN);
        assertThat(jwt.verify(request("/api/orders", "{}", "authorization", "bearer " + token), NOW)
                        .isOk())
                .as("the scheme is case-insensitive")
                .isTrue();
    }

    @Test
    void garbage_and_oversized_tokens_are_malformed() throws JOSEException {
        Authenticator jwt = fromFile();
        String token = rs256(c -> {});
        String[] parts = token.split("\\.");

        for (String bad : List.of(
                "a.b.c",
                "!!!.b.c",
                b64("[1,2]") + "." + parts[1] + "." + parts[2],
                b64("{\"alg\":7}") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2] + ".extra.part",
                parts[0] + "." + b64("not json") + "." + parts[2])) {
            AuthResult result = jwt.verify(bearer(bad), NOW);
            assertThat(result.code()).as(bad).isIn(AuthResult.MALFORMED_TOKEN, AuthResult.BAD_SIGNATURE);
        }
        String huge = rs256(c -> c.claim("padding", "x".repeat(17 * 1024)));
        assertThat(jwt.verify(bearer(huge), NOW).code()).isEqualTo(AuthResult.MALFORMED_TOKEN);
    }

    @Test
    void custom_header_is_read() throws JOSEException {
        Authenticator jwt = fromFile("header", "X-Api-Token");

        assertThat(jwt.verify(request("/api/x", "{}", "x-api-token", "Bearer " + rs256(c -> {})), NOW)
                        .isOk())
                .isTrue();
        assertThat(jwt.verify(bearer(rs256(c -> {})), NOW).code()).isEqualTo(AuthResult.MISSING_TOKEN);
    }

    @Test
    void path_outside_the_globs_is_not_applied() {
        Authenticator jwt = fromFile();

        assertThat(jwt.appliesTo(request("/api/orders", "{}"))).isTrue();
        assertThat(jwt.appliesTo(request("/health", "{}"))).isFalse();
        assertThat(jwt.type()).isEqualTo("jwt");
    }

    @Test
    void missing_jwks_env_variable_fails_closed_with_a_config_problem() throws JOSEException {
        Authenticator jwt = Authenticators.create(config("jwt", List.of(), "jwks_env", "JWKS_JSON"), env());

        assertThat(jwt.verify(bearer(rs256(c -> {})), NOW).code()).isEqualTo(AuthResult.SECRET_UNAVAILABLE);
        assertThat(jwt.configProblem()).contains("JWKS_JSON").contains("jwks_env");
    }

    @Test
    void missing_hs_secret_fails_closed() throws JOSEException {
        Authenticator jwt = Authenticators.create(
                config("jwt", List.of(), "algorithms", "HS256", "secret_env", "JWT_SECRET"), env());

        assertThat(jwt.verify(bearer(sign(JWSAlgorithm.HS256, null, new MACSigner(HS_SECRET), c -> {})), NOW)
                        .code())
                .isEqualTo(AuthResult.SECRET_UNAVAILABLE);
        assertThat(jwt.configProblem()).contains("JWT_SECRET");
    }

    @Test
    void invalid_configs_are_rejected_naming_the_setting() {
        String file = jwksFile.toString();
        assertInvalid("'jwks_file'", "jwks_file", file, "jwks_env", "JWKS");
        assertInvalid("'jwks_file'", "issuer", ISSUER);
        assertInvalid("'algorithms'", "jwks_file", file, "algorithms", "RS256,none");
        assertInvalid("'algorithms'", "jwks_file", file, "algorithms", "RS257");
        assertInvalid("'algorithms'", "jwks_file", file, "algorithms", "HS256");
        assertInvalid("'algorithms'", "secret_env", "JWT_SECRET", "algorithms", "HS256,RS256");
        assertInvalid("'secret_env'", "jwks_file", file, "secret_env", "JWT_SECRET", "algorithms", "RS256");
        assertInvalid(
                "'jwks_file'", "jwks_file", dir.resolve("does-not-exist.json").toString());
        assertInvalid("'jwks_file'", "jwks_file", dir.toString());
        assertInvalid("'leeway_s'", "jwks_file", file, "leeway_s", "-1");
        assertInvalid("'jwks_uri'", "jwks_uri", "https://id.example.test/keys");
    }

    @Test
    void jwks_without_usable_keys_is_rejected() throws IOException, JOSEException {
        Path octOnly = dir.resolve("oct-only.json");
        Files.write(octOnly, AuthFixtures.resource("jwks-oct-only.json"));
        Path notJwks = dir.resolve("not-jwks.json");
        Files.write(notJwks, AuthFixtures.resource("not-a-jwks.json"));
        Path encOnly = dir.resolve("enc-only.json");
        Files.writeString(
                encOnly,
                new JWKSet(new RSAKey.Builder(rsa.toRSAPublicKey())
                                .keyUse(KeyUse.ENCRYPTION)
                                .keyID("enc")
                                .build())
                        .toString());

        assertInvalid("no usable signing key", "jwks_file", octOnly.toString());
        assertInvalid("'jwks_file'", "jwks_file", notJwks.toString());
        assertInvalid("no usable signing key", "jwks_file", encOnly.toString());
        assertThatThrownBy(() ->
                        Authenticators.create(config("jwt", List.of(), "jwks_env", "JWKS"), env("JWKS", "{\"keys\":[")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jwks_env'");
    }

    @Test
    void short_hs_secret_is_rejected_without_revealing_it() {
        String shortSecret = "too-short-secret";
        assertThatThrownBy(() -> Authenticators.create(
                        config("jwt", List.of(), "algorithms", "HS256", "secret_env", "S"), env("S", shortSecret)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'secret_env'")
                .hasMessageNotContaining(shortSecret);
    }

    private static void assertInvalid(String expectedInMessage, String... settings) {
        assertThatThrownBy(() -> Authenticators.create(config("jwt", List.of(), settings), env("JWKS", jwksJson)))
                .as(String.join(" ", settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedInMessage);
    }
}
