package dev.vigil.shield.policy;

import java.util.List;
import java.util.Map;

/**
 * One event-authenticity requirement from the policy, as written: which verifier, for which HTTP paths, and its
 * settings (keys depend on the type; see {@code docs/policy.md}).
 *
 * @param name a name for telemetry (defaults to the type)
 * @param type {@code github}, {@code stripe}, {@code slack}, {@code hmac} or {@code jwt}
 * @param paths path globs the requirement applies to; empty means every HTTP request
 * @param settings the remaining keys, as strings (lists joined by commas)
 * @param line the line of the policy file where it was declared (0 when built in code)
 */
public record AuthenticityConfig(String name, String type, List<String> paths, Map<String, String> settings, int line) {

    public AuthenticityConfig {
        paths = List.copyOf(paths);
        settings = Map.copyOf(settings);
    }
}
