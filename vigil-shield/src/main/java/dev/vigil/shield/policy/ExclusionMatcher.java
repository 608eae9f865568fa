package dev.vigil.shield.policy;

import dev.vigil.shield.util.Globs;
import java.util.Collection;
import java.util.List;

/**
 * Decides whether a finding is silenced by one of the policy's exclusions. Runs once per finding (not per value): a
 * plain loop over the exclusions.
 *
 * <p>An exclusion applies when every one of its non-empty criteria matches: {@code functions} and {@code locations}
 * are globs ({@link Globs}, case-sensitive), {@code parameters} are exact names compared ignoring case, and
 * {@code categories} and {@code rules} are exact ids compared ignoring case. A non-empty criterion never matches a
 * null or empty attribute (a finding without a parameter name is not silenced by a {@code parameters} criterion).
 */
public final class ExclusionMatcher {

    private ExclusionMatcher() {}

    /** Whether any exclusion of {@code policy} applies to the finding. */
    public static boolean excluded(
            Policy policy, String functionName, String location, String parameterName, String category, String ruleId) {
        return firstMatch(policy.exclusions(), functionName, location, parameterName, category, ruleId) != null;
    }

    /** The first exclusion that applies to the finding (to report its line), or null. */
    public static Exclusion firstMatch(
            List<Exclusion> exclusions,
            String functionName,
            String location,
            String parameterName,
            String category,
            String ruleId) {
        for (int i = 0, n = exclusions.size(); i < n; i++) {
            Exclusion e = exclusions.get(i);
            if (matches(e, functionName, location, parameterName, category, ruleId)) {
                return e;
            }
        }
        return null;
    }

    /** Whether one exclusion applies to the finding. */
    public static boolean matches(
            Exclusion e, String functionName, String location, String parameterName, String category, String ruleId) {
        return anyGlob(e.functions(), functionName)
                && anyGlob(e.locations(), location)
                && anyIgnoringCase(e.parameters(), parameterName)
                && anyIgnoringCase(e.categories(), category)
                && anyIgnoringCase(e.rules(), ruleId);
    }

    private static boolean anyGlob(List<String> globs, String text) {
        if (globs.isEmpty()) {
            return true;
        }
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0, n = globs.size(); i < n; i++) {
            if (Globs.matches(globs.get(i), text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyIgnoringCase(Collection<String> values, String text) {
        if (values.isEmpty()) {
            return true;
        }
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String v : values) {
            if (v.equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }
}
