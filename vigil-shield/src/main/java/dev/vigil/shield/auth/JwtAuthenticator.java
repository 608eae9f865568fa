package dev.vigil.shield.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.json.Json;
import dev.vigil.shield.policy.AuthenticityConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies JWT bearer tokens against a static JWKS (and optionally an HMAC secret) with Nimbus JOSE+JWT.
 *
 * <p>Order of checks: bearer form and size, then the header's {@code alg} against the allowlist (before any key is
 * touched, so {@code none} and HS tokens forged with a public key never reach a verifier), then the key by
 * {@code kid}, the signature, and finally {@code exp}, {@code nbf}, {@code iss} and {@code aud}. HS algorithms verify
 * only with the {@code secret_env} secret, never with JWKS material; JWKS {@code oct} keys are ignored.
 *
 * <p>This class and its {@link EdDsaVerifier} are the only ones in the package that touch Nimbus, and
 * {@link Authenticators} reaches them only for {@code type: jwt}, so webhook-only functions never load the library.
 */
final class JwtAuthenticator extends ScopedAuthenticator {

    /** Longest token accepted, in characters. */
    static final int MAX_TOKEN = 16 * 1024;

    private static final int MAX_JWKS_BYTES = 1024 * 1024;
    private static final int MAX_CANDIDATE_KEYS = 8;
    private static final int MIN_RSA_BITS = 2048;
    private static final long DEFAULT_LEEWAY_SECONDS = 60;
    private static final String BEARER = "Bearer ";

    private static final Set<String> SETTINGS =
            Set.of("jwks_file", "jwks_env", "issuer", "audience", "algorithms", "secret_env", "header", "leeway_s");

    private static final List<JWSAlgorithm> SUPPORTED = List.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA,
            JWSAlgorithm.Ed25519,
            JWSAlgorithm.Ed448,
            JWSAlgorithm.HS256,
            JWSAlgorithm.HS384,
            JWSAlgorithm.HS512);

    private final String header;
    private final Set<String> allowed;
    private final List<KeyEntry> keys;
    private final JWSVerifier secretVerifier;
    private final String issuer;
    private final Set<String> audiences;
    private final long leewaySeconds;

    /** One usable public key from the JWKS with its ready verifier. */
    private static final class KeyEntry {
        final String kid;
        final Set<JWSAlgorithm> algorithms;
        final JWSVerifier verifier;

        KeyEntry(String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {
            this.kid = kid;
            this.algorithms = algorithms;
            this.verifier = verifier;
        }
    }

    private JwtAuthenticator(
            String name,
            PathScope scope,
            String header,
            Set<String> allowed,
            List<KeyEntry> keys,
            JWSVerifier secretVerifier,
            String issuer,
            Set<String> audiences,
            long leewaySeconds) {
        super(name, "jwt", scope);
        this.header = header;
        this.allowed = allowed;
        this.keys = keys;
        this.secretVerifier = secretVerifier;
        this.issuer = issuer;
        this.audiences = audiences;
        this.leewaySeconds = leewaySeconds;
    }

    /** Builds a JWT authenticator from its policy entry; see {@link Authenticators#create}. */
    static Authenticator create(AuthenticityConfig cfg, Function<String, String> env) {
        Settings s = new Settings(cfg, SETTINGS);
        String header = s.optional("header") == null
                ? "authorization"
                : s.optional("header").toLowerCase(Locale.ROOT);
        long leeway = s.seconds("leeway_s", DEFAULT_LEEWAY_SECONDS);
        String issuer = s.optional("issuer");
        Set<String> audiences = new LinkedHashSet<>(s.list("audience"));
        String jwksFile = s.optional("jwks_file");
        String jwksEnv = s.optional("jwks_env");
        boolean hasSecret = s.optional("secret_env") != null;
        if (jwksFile != null && jwksEnv != null) {
            throw s.invalid("jwks_file", "and 'jwks_env' are mutually exclusive: set exactly one");
        }
        if (jwksFile == null && jwksEnv == null && !hasSecret) {
            throw s.invalid("jwks_file", "or 'jwks_env' is required");
        }
        Set<JWSAlgorithm> explicit = parseAlgorithms(s, hasSecret);

        List<KeyEntry> keys = List.of();
        if (jwksFile != null || jwksEnv != null) {
            String setting = jwksFile != null ? "jwks_file" : "jwks_env";
            String json;
            if (jwksFile != null) {
                json = readJwksFile(s, jwksFile);
            } else {
                json = env.apply(jwksEnv);
                if (json == null || json.isBlank()) {
                    return s.unavailable("jwks_env");
                }
                if (json.length() > MAX_JWKS_BYTES) {
                    throw s.invalid("jwks_env", "holds a JWKS larger than " + MAX_JWKS_BYTES + " characters");
                }
            }
            keys = loadKeys(s, setting, json);
        }

        Set<JWSAlgorithm> algorithms = explicit.isEmpty() ? defaultAlgorithms(keys, hasSecret) : explicit;
        boolean needsKeys = algorithms.stream().anyMatch(a -> !JWSAlgorithm.Family.HMAC_SHA.contains(a));
        if (needsKeys && keys.isEmpty()) {
            throw s.invalid("algorithms", "lists asymmetric algorithms but no 'jwks_file' or 'jwks_env' is set");
        }

        JWSVerifier secretVerifier = null;
        if (hasSecret) {
            String secret = s.secret("secret_env", env);
            if (secret == null) {
                return s.unavailable("secret_env");
            }
            secretVerifier = macVerifier(s, secret, algorithms);
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (JWSAlgorithm a : algorithms) {
            allowed.add(a.getName());
        }
        return new JwtAuthenticator(
                s.name(),
                s.scope(),
                header,
                Set.copyOf(allowed),
                List.copyOf(keys),
                secretVerifier,
                issuer,
                Set.copyOf(audiences),
                leeway);
    }

    @Override
    public AuthResult verify(HttpRequestView request, long nowEpochSeconds) {
        String value = Requests.header(request, header);
        if (value == null) {
            return AuthResult.failure(AuthResult.MISSING_TOKEN, "bearer token header " + header + " is missing");
        }
        if (value.length() > MAX_TOKEN + BEARER.length()) {
            return AuthResult.failure(AuthResult.MALFORMED_TOKEN, "token is too long");
        }
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return AuthResult.failure(AuthResult.MALFORMED_TOKEN, "expected 'Bearer <token>'");
        }
        String token = value.substring(BEARER.length()).trim();
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0 || hasWhitespace(token)) {
            return AuthResult.failure(AuthResult.MALFORMED_TOKEN, "token is not a compact JWS");
        }
        String alg = headerAlgorithm(token.substring(0, firstDot));
        if (alg == null) {
            return AuthResult.failure(AuthResult.MALFORMED_TOKEN, "token header is not valid JSON with an alg");
        }
        if (!allowed.contains(alg)) {
            return AuthResult.failure(AuthResult.ALGORITHM_NOT_ALLOWED, "token algorithm is not in the allowlist");
        }
        try {
            return verifyAllowed(token, nowEpochSeconds);
        } catch (ParseException | RuntimeException e) {
            return AuthResult.failure(AuthResult.MALFORMED_TOKEN, "token could not be parsed");
        }
    }

    private AuthResult verifyAllowed(String token, long now) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(token);
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        boolean verified = false;
        try {
            if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
                verified = secretVerifier != null && jwt.verify(secretVerifier);
            } else {
                List<KeyEntry> candidates = candidates(jwt.getHeader().getKeyID(), alg);
                if (candidates.isEmpty()) {
                    return AuthResult.failure(AuthResult.UNKNOWN_KEY, "no configured key matches the token kid");
                }
                for (KeyEntry key : candidates) {
                    if (jwt.verify(key.verifier)) {
                        verified = true;
                        break;
                    }
                }
            }
        } catch (JOSEException e) {
            verified = false;
        }
        if (!verified) {
            return AuthResult.failure(AuthResult.BAD_SIGNATURE, "token signature does not verify");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Date exp = claims.getExpirationTime();
        if (exp != null && now >= seconds(exp) + leewaySeconds) {
            return AuthResult.failure(AuthResult.EXPIRED, "token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now + leewaySeconds < seconds(nbf)) {
            return AuthResult.failure(AuthResult.NOT_YET_VALID, "token is not valid yet");
        }
        if (issuer != null && !issuer.equals(claims.getIssuer())) {
            return AuthResult.failure(AuthResult.BAD_ISSUER, "token issuer is not the configured issuer");
        }
        if (!audiences.isEmpty()) {
            boolean any = false;
            for (String aud : claims.getAudience()) {
                any |= audiences.contains(aud);
            }
            if (!any) {
                return AuthResult.failure(AuthResult.BAD_AUDIENCE, "token audience is not a configured audience");
            }
        }
        return AuthResult.ok();
    }

    private List<KeyEntry> candidates(String kid, JWSAlgorithm alg) {
        List<KeyEntry> out = new ArrayList<>();
        for (KeyEntry key : keys) {
            if ((kid == null || kid.equals(key.kid)) && key.algorithms.contains(alg)) {
                out.add(key);
                if (out.size() == MAX_CANDIDATE_KEYS) {
                    break;
                }
            }
        }
        return out;
    }

    /** The {@code alg} of a base64url-encoded JOSE header, or {@code null} if it cannot be read. */
    private static String headerAlgorithm(String encodedHeader) {
        try {
            Object header = Json.parse(Base64.getUrlDecoder().decode(encodedHeader));
            if (header instanceof Map<?, ?> map && map.get("alg") instanceof String alg) {
                return alg;
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean hasWhitespace(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    private static long seconds(Date date) {
        return Math.floorDiv(date.getTime(), 1000L);
    }

    private static Set<JWSAlgorithm> parseAlgorithms(Settings s, boolean hasSecret) {
        Set<JWSAlgorithm> out = new LinkedHashSet<>();
        for (String name : s.list("algorithms")) {
            if (name.equalsIgnoreCase("none")) {
                throw s.invalid("algorithms", "must not include 'none': unsigned tokens are always refused");
            }
            JWSAlgorithm alg = supported(name);
            if (alg == null) {
                throw s.invalid(
                        "algorithms", "has unsupported algorithm '" + name + "' (supported: " + SUPPORTED + ")");
            }
            if (JWSAlgorithm.Family.HMAC_SHA.contains(alg) && !hasSecret) {
                throw s.invalid("algorithms", "lists " + name + ", which needs 'secret_env'");
            }
            out.add(alg);
        }
        if (hasSecret && !out.isEmpty() && out.stream().noneMatch(JWSAlgorithm.Family.HMAC_SHA::contains)) {
            throw s.invalid("secret_env", "is set but 'algorithms' lists no HS256, HS384 or HS512");
        }
        return out;
    }

    private static JWSAlgorithm supported(String name) {
        for (JWSAlgorithm alg : SUPPORTED) {
            if (alg.getName().equalsIgnoreCase(name)) {
                return alg;
            }
        }
        return null;
    }

    private static Set<JWSAlgorithm> defaultAlgorithms(List<KeyEntry> keys, boolean hasSecret) {
        Set<JWSAlgorithm> out = new LinkedHashSet<>();
        for (KeyEntry key : keys) {
            // A key without an explicit alg defaults to the most common algorithm of its type.
            out.add(key.algorithms.iterator().next());
        }
        if (hasSecret) {
            out.add(JWSAlgorithm.HS256);
        }
        return out;
    }

    private static String readJwksFile(Settings s, String file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            bytes = in.readNBytes(MAX_JWKS_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw s.invalid(
                    "jwks_file", "cannot be read: " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_JWKS_BYTES) {
            throw s.invalid("jwks_file", "names a file larger than " + MAX_JWKS_BYTES + " bytes: " + file);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<KeyEntry> loadKeys(Settings s, String setting, String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw s.invalid(setting, "is not a valid JWKS document");
        }
        List<KeyEntry> out = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                continue;
            }
            try {
                if (jwk instanceof RSAKey rsa) {
                    RSAKey pub = rsa.toPublicJWK();
                    if (pub.size() < MIN_RSA_BITS) {
                        continue;
                    }
                    Set<JWSAlgorithm> algs = keyAlgorithms(jwk, JWSAlgorithm.Family.RSA);
                    if (!algs.isEmpty()) {
                        out.add(new KeyEntry(jwk.getKeyID(), algs, new RSASSAVerifier(pub)));
                    }
                } else if (jwk instanceof ECKey ec) {
                    JWSAlgorithm curveAlg = ecAlgorithm(ec.getCurve());
                    if (curveAlg == null) {
                        continue;
                    }
                    Set<JWSAlgorithm> algs = keyAlgorithms(jwk, Set.of(curveAlg));
                    if (!algs.isEmpty()) {
                        out.add(new KeyEntry(jwk.getKeyID(), algs, new ECDSAVerifier(ec.toPublicJWK())));
                    }
                } else if (jwk instanceof OctetKeyPair okp) {
                    EdDsaVerifier verifier = EdDsaVerifier.of(okp.toPublicJWK());
                    if (verifier == null) {
                        continue;
                    }
                    Set<JWSAlgorithm> algs = keyAlgorithms(jwk, verifier.algorithms());
                    if (!algs.isEmpty()) {
                        out.add(new KeyEntry(jwk.getKeyID(), algs, verifier));
                    }
                }
            } catch (JOSEException | RuntimeException e) {
                // An unusable key is skipped; a JWKS with no usable key at all is rejected below.
            }
        }
        if (out.isEmpty()) {
            throw s.invalid(
                    setting,
                    "has no usable signing key (RSA of at least " + MIN_RSA_BITS
                            + " bits, EC on P-256/P-384/P-521 or OKP on Ed25519/Ed448; use 'sig' or unset)");
        }
        return out;
    }

    /** The algorithms a key may verify: its declared {@code alg} if any (when compatible), else its whole family. */
    private static Set<JWSAlgorithm> keyAlgorithms(JWK jwk, Set<JWSAlgorithm> family) {
        Set<JWSAlgorithm> compatible = new LinkedHashSet<>();
        for (JWSAlgorithm alg : SUPPORTED) {
            if (family.contains(alg)) {
                compatible.add(alg);
            }
        }
        if (jwk.getAlgorithm() == null) {
            return compatible;
        }
        JWSAlgorithm declared = supported(jwk.getAlgorithm().getName());
        return declared != null && compatible.contains(declared) ? Set.of(declared) : Set.of();
    }

    private static JWSAlgorithm ecAlgorithm(Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        return null;
    }

    private static JWSVerifier macVerifier(Settings s, String secret, Set<JWSAlgorithm> algorithms) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        int neededBits = 0;
        for (JWSAlgorithm alg : algorithms) {
            if (JWSAlgorithm.HS256.equals(alg)) {
                neededBits = Math.max(neededBits, 256);
            } else if (JWSAlgorithm.HS384.equals(alg)) {
                neededBits = Math.max(neededBits, 384);
            } else if (JWSAlgorithm.HS512.equals(alg)) {
                neededBits = Math.max(neededBits, 512);
            }
        }
        if (bytes.length * 8 < neededBits) {
            throw s.invalid(
                    "secret_env", "names a secret shorter than the " + neededBits + " bits its HS algorithms require");
        }
        try {
            return new MACVerifier(bytes);
        } catch (JOSEException e) {
            throw s.invalid("secret_env", "names a secret that cannot be used for HMAC");
        }
    }
}
