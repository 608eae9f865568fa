package dev.vigil.shield.auth;

import static dev.vigil.shield.auth.AuthFixtures.NOW;
import static dev.vigil.shield.auth.AuthFixtures.config;
import static dev.vigil.shield.auth.AuthFixtures.env;
import static dev.vigil.shield.auth.AuthFixtures.hex;
import static dev.vigil.shield.auth.AuthFixtures.hmac;
import static dev.vigil.shield.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.policy.AuthenticityConfig;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proves the cold-start promise: webhook verification never loads Nimbus. The auth package and Nimbus are loaded
 * afresh, child-first, in an isolated class loader that records every class it defines.
 */
class NimbusIsolationTest {

    /** Loads this package and Nimbus itself (child-first) and records what it defined. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> defined = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.vigil.shield.auth.") && !name.startsWith("com.nimbusds.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                    defined.add(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        boolean loadedNimbus() {
            return defined.stream().anyMatch(n -> n.startsWith("com.nimbusds."));
        }
    }

    private static RecordingLoader isolatedLoader() {
        URL shieldClasses =
                Authenticators.class.getProtectionDomain().getCodeSource().getLocation();
        URL nimbusJar = JWSAlgorithm.class.getProtectionDomain().getCodeSource().getLocation();
        return new RecordingLoader(new URL[] {shieldClasses, nimbusJar}, NimbusIsolationTest.class.getClassLoader());
    }

    private static Object verifyIn(
            RecordingLoader loader, AuthenticityConfig cfg, Function<String, String> env, HttpRequestView request)
            throws Exception {
        Class<?> factory = loader.loadClass("dev.vigil.shield.auth.Authenticators");
        assertThat(factory.getClassLoader()).isSameAs(loader);
        Object authenticator = factory.getMethod("create", AuthenticityConfig.class, Function.class)
                .invoke(null, cfg, env);
        Method verify = loader.loadClass("dev.vigil.shield.auth.Authenticator")
                .getMethod("verify", HttpRequestView.class, long.class);
        Object result = verify.invoke(authenticator, request, NOW);
        return result.getClass().getMethod("isOk").invoke(result);
    }

    @Test
    void webhook_authenticators_never_load_nimbus() throws Exception {
        try (RecordingLoader loader = isolatedLoader()) {
            String body = "{\"a\":1}";
            for (String type : List.of("github", "stripe", "slack")) {
                verifyIn(loader, config(type, List.of(), "secret_env", "S"), env("S", "s3cret"), request("/", body));
            }
            Object ok = verifyIn(
                    loader,
                    config("github", List.of(), "secret_env", "S"),
                    env("S", "s3cret"),
                    request("/", body, "x-hub-signature-256", "sha256=" + hex(hmac("HmacSHA256", "s3cret", body))));

            assertThat(ok).isEqualTo(true);
            assertThat(loader.defined).contains("dev.vigil.shield.auth.Authenticators");
            assertThat(loader.loadedNimbus())
                    .as("classes defined: %s", loader.defined)
                    .isFalse();
        }
    }

    @Test
    void jwt_authenticator_does_load_nimbus() throws Exception {
        // Control for the test above: the same loader does see Nimbus once a jwt entry is built.
        try (RecordingLoader loader = isolatedLoader()) {
            String jwks = new com.nimbusds.jose.jwk.JWKSet(
                            new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                                    .generate()
                                    .toPublicJWK())
                    .toString();
            Object ok = verifyIn(
                    loader, config("jwt", List.of(), "jwks_env", "JWKS"), env("JWKS", jwks), request("/", "{}"));

            assertThat(ok).isEqualTo(false);
            assertThat(loader.loadedNimbus()).isTrue();
        }
    }
}
