package dev.vigil.shield.policy;

import java.util.List;
import java.util.Set;

/**
 * One exclusion, to silence a false positive. It applies when every non-empty criterion matches; empty lists mean
 * "any". Globs use {@code *} (any run of characters) and {@code ?} (one character).
 *
 * @param functions function-name globs
 * @param locations location globs, e.g. {@code body.$.comment} or {@code headers.user-agent}
 * @param parameters parameter, header or field names (exact, case-insensitive)
 * @param categories attack categories, e.g. {@code xss}
 * @param rules rule ids, e.g. {@code VGL-XSS-002}
 * @param line the line of the policy file where it was declared (0 when built in code)
 */
public record Exclusion(
        List<String> functions,
        List<String> locations,
        List<String> parameters,
        Set<String> categories,
        Set<String> rules,
        int line) {

    public Exclusion {
        functions = List.copyOf(functions);
        locations = List.copyOf(locations);
        parameters = List.copyOf(parameters);
        categories = Set.copyOf(categories);
        rules = Set.copyOf(rules);
    }
}
