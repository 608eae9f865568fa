package dev.vigil.shield.auth;

import dev.vigil.shield.policy.AuthenticityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds authenticators from policy entries. Secrets are read from the environment here, once, at cold start.
 *
 * <p>A secret whose variable is unset yields an authenticator that refuses every request with
 * {@code secret_unavailable} and reports the problem through {@link Authenticator#configProblem()}. A setting that
 * is wrong in itself (unknown type or setting, bad algorithm name, unreadable JWKS, JWKS without usable keys) throws
 * {@link IllegalArgumentException} naming the setting.
 */
public final class Authenticators {

    private static final long DEFAULT_TOLERANCE_SECONDS = 300;
    private static final Map<String, String> HMAC_ALGORITHMS =
            Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha512", "HmacSHA512");

    private Authenticators() {}

    /**
     * Builds the authenticator for one policy entry.
     *
     * @param cfg the policy entry
     * @param env environment lookup (normally {@code System::getenv}); returns {@code null} for unset variables
     * @throws IllegalArgumentException if the entry is invalid
     */
    public static Authenticator create(AuthenticityConfig cfg, Function<String, String> env) {
        String type = cfg.type() == null ? "" : cfg.type().trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "github":
                return github(cfg, env);
            case "stripe":
                return stripe(cfg, env);
            case "slack":
                return slack(cfg, env);
            case "hmac":
                return hmac(cfg, env);
            case "jwt":
                // Its own class: Nimbus JOSE is loaded only when this line runs.
                return JwtAuthenticator.create(cfg, env);
            default:
                throw new IllegalArgumentException("authenticity '" + cfg.name() + "'"
                        + (cfg.line() > 0 ? " (line " + cfg.line() + ")" : "")
                        + ": setting 'type' must be one of github, stripe, slack, hmac, jwt, not '" + type + "'");
        }
    }

    /** Builds every entry of a policy, in order. */
    public static List<Authenticator> createAll(List<AuthenticityConfig> configs, Function<String, String> env) {
        List<Authenticator> out = new ArrayList<>(configs.size());
        for (AuthenticityConfig cfg : configs) {
            out.add(create(cfg, env));
        }
        return List.copyOf(out);
    }

    private static Authenticator github(AuthenticityConfig cfg, Function<String, String> env) {
        Settings s = new Settings(cfg, Set.of("secret_env"));
        String secret = s.secret("secret_env", env);
        if (secret == null) {
            return s.unavailable("secret_env");
        }
        return new HeaderHmacAuthenticator(
                s.name(),
                s.type(),
                s.scope(),
                new HmacKey("HmacSHA256", secret),
                "x-hub-signature-256",
                "sha256=",
                false);
    }

    private static Authenticator stripe(AuthenticityConfig cfg, Function<String, String> env) {
        Settings s = new Settings(cfg, Set.of("secret_env", "tolerance_s"));
        long tolerance = s.seconds("tolerance_s", DEFAULT_TOLERANCE_SECONDS);
        String secret = s.secret("secret_env", env);
        if (secret == null) {
            return s.unavailable("secret_env");
        }
        return new StripeAuthenticator(s.name(), s.scope(), new HmacKey("HmacSHA256", secret), tolerance);
    }

    private static Authenticator slack(AuthenticityConfig cfg, Function<String, String> env) {
        Settings s = new Settings(cfg, Set.of("secret_env", "tolerance_s"));
        long tolerance = s.seconds("tolerance_s", DEFAULT_TOLERANCE_SECONDS);
        String secret = s.secret("secret_env", env);
        if (secret == null) {
            return s.unavailable("secret_env");
        }
        return new SlackAuthenticator(s.name(), s.scope(), new HmacKey("HmacSHA256", secret), tolerance);
    }

    private static Authenticator hmac(AuthenticityConfig cfg, Function<String, String> env) {
        Settings s = new Settings(cfg, Set.of("secret_env", "header", "algorithm", "encoding", "prefix"));
        String header = s.required("header").toLowerCase(Locale.ROOT);
        String algorithm = s.choice("algorithm", "sha256", HMAC_ALGORITHMS.keySet());
        String encoding = s.choice("encoding", "hex", Set.of("hex", "base64"));
        String prefix = s.optional("prefix");
        String secret = s.secret("secret_env", env);
        if (secret == null) {
            return s.unavailable("secret_env");
        }
        return new HeaderHmacAuthenticator(
                s.name(),
                s.type(),
                s.scope(),
                new HmacKey(HMAC_ALGORITHMS.get(algorithm), secret),
                header,
                prefix == null ? "" : prefix,
                encoding.equals("base64"));
    }
}
