package dev.vigil.shield.auth;

import dev.vigil.shield.policy.AuthenticityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed, validated access to one authenticity entry's settings. Every error message names the entry and the
 * setting, and never a secret's value.
 */
final class Settings {

    /** Largest time window accepted for {@code tolerance_s} and {@code leeway_s}: one day. */
    private static final long MAX_WINDOW_SECONDS = 86_400;

    private final AuthenticityConfig cfg;
    private final String name;
    private final String type;

    Settings(AuthenticityConfig cfg, Set<String> allowedKeys) {
        this.cfg = cfg;
        this.type = cfg.type() == null ? "" : cfg.type().trim().toLowerCase(Locale.ROOT);
        this.name = cfg.name() == null || cfg.name().isBlank() ? type : cfg.name();
        Set<String> unknown = new TreeSet<>(cfg.settings().keySet());
        unknown.removeAll(allowedKeys);
        if (!unknown.isEmpty()) {
            throw invalid(
                    unknown.iterator().next(), "unknown setting for type " + type + " (allowed: " + allowedKeys + ")");
        }
    }

    String name() {
        return name;
    }

    String type() {
        return type;
    }

    PathScope scope() {
        return new PathScope(cfg.paths());
    }

    /** The trimmed value, or {@code null} when absent or blank. */
    String optional(String key) {
        String value = cfg.settings().get(key);
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw invalid(key, "is required for type " + type);
        }
        return value;
    }

    /** One of {@code allowed} (case-insensitive), or {@code fallback} when absent; returned lower case. */
    String choice(String key, String fallback, Set<String> allowed) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw invalid(key, "must be one of " + new TreeSet<>(allowed) + ", not '" + value + "'");
        }
        return lower;
    }

    /** A whole number of seconds between 0 and one day, or {@code fallback} when absent. */
    long seconds(String key, long fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        long seconds = SignatureCodec.timestamp(value);
        if (seconds < 0 || seconds > MAX_WINDOW_SECONDS) {
            throw invalid(key, "must be a whole number of seconds between 0 and " + MAX_WINDOW_SECONDS);
        }
        return seconds;
    }

    /** The comma-separated values, trimmed, blanks dropped; empty when absent. */
    List<String> list(String key) {
        String value = optional(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",", -1)) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    /**
     * Reads the secret named by the setting {@code key} from the environment.
     *
     * @return the secret, or {@code null} when the variable is unset or empty
     */
    String secret(String key, Function<String, String> env) {
        String variable = required(key);
        String value = env.apply(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The problem message for a secret whose variable is unset (names only). */
    String secretProblem(String key) {
        return where() + ": environment variable " + optional(key) + " (setting '" + key
                + "') is not set; every request on its paths will be refused";
    }

    Authenticator unavailable(String key) {
        return new UnavailableAuthenticator(name, type, scope(), secretProblem(key));
    }

    IllegalArgumentException invalid(String key, String message) {
        return new IllegalArgumentException(where() + ": setting '" + key + "' " + message);
    }

    private String where() {
        return "authenticity '" + name + "'" + (cfg.line() > 0 ? " (line " + cfg.line() + ")" : "");
    }
}
