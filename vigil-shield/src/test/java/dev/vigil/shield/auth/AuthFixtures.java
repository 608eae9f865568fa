package dev.vigil.shield.auth;

import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.policy.AuthenticityConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builders shared by the authenticity tests: requests, configs, environments and an independent HMAC. */
final class AuthFixtures {

    static final long NOW = 1_760_000_000L;

    private AuthFixtures() {}

    /** A POST request; {@code headers} alternates names and values, names lower-cased as the adapters do. */
    static HttpRequestView request(String path, byte[] body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.computeIfAbsent(headers[i].toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(headers[i + 1]);
        }
        return new HttpRequestView("POST", path, map, Map.of(), body);
    }

    static HttpRequestView request(String path, String body, String... headers) {
        return request(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static AuthenticityConfig config(String type, List<String> paths, String... settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        return new AuthenticityConfig(type + "-test", type, paths, map, 7);
    }

    static Function<String, String> env(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map::get;
    }

    /** HMAC computed here with a fresh JCA {@link Mac}, independently of the code under test. */
    static byte[] hmac(String jcaAlgorithm, String secret, String message) {
        return hmac(jcaAlgorithm, secret, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(String jcaAlgorithm, String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] resource(String name) {
        try (InputStream in = AuthFixtures.class.getResourceAsStream("/auth/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /auth/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
