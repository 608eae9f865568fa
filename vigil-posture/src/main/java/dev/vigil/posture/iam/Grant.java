package dev.vigil.posture.iam;

import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy statement prepared for analysis: action patterns in lower case, resources as patterns (a value known only
 * at deploy time is kept as {@code null}: one specific resource whose ARN is unknown).
 *
 * @param allow Allow or Deny
 * @param actions lower-case action patterns ({@code Action}); empty when the statement uses {@code NotAction}
 * @param notActions lower-case {@code NotAction} patterns
 * @param notAction true when the statement uses {@code NotAction}
 * @param resources {@code Resource} patterns
 * @param notResources {@code NotResource} patterns
 * @param notResource true when the statement uses {@code NotResource}
 * @param condition the {@code Condition} block, or null
 * @param source the statement it came from (for locations), or null for a built-in AWS-managed policy
 * @param policy the name of the policy it belongs to (for messages)
 */
public record Grant(
        boolean allow,
        List<String> actions,
        List<String> notActions,
        boolean notAction,
        List<Res> resources,
        List<Res> notResources,
        boolean notResource,
        Node condition,
        Statement source,
        String policy) {

    /**
     * One resource as far as it is known: {@code pattern} to match ARNs against (a {@code Fn::Sub} or serverless
     * variable part becomes {@code *}; null when nothing is known, e.g. {@code !GetAtt Role.Arn}), and whether the
     * resource as written contains a wildcard (so names more than one resource on purpose).
     */
    public record Res(String pattern, boolean wildcard) {
        static final Res ALL = new Res("*", true);

        static Res of(Value v) {
            String t = v.text().trim();
            if (v.literal()) {
                return new Res(t, Wildcard.hasWildcard(t));
            }
            if (t.startsWith("!Sub ")) {
                t = t.substring("!Sub ".length()).trim();
            }
            String fixed = stripPlaceholders(t);
            if (t.contains("\u2026") || !t.startsWith("arn:") || fixed.isEmpty()) {
                return new Res(null, false);
            }
            return new Res(Arns.placeholdersToStars(t), Wildcard.hasWildcard(fixed));
        }

        private static String stripPlaceholders(String t) {
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < t.length()) {
                int start = t.indexOf("${", i);
                int end = start < 0 ? -1 : t.indexOf('}', start);
                if (start < 0 || end < 0) {
                    b.append(t, i, t.length());
                    break;
                }
                b.append(t, i, start);
                i = end + 1;
            }
            return b.toString();
        }
    }

    /** The grant of a statement written in a template or policy file. */
    public static Grant of(Statement s, String policy) {
        return new Grant(
                s.allow(),
                lower(s.actions()),
                lower(s.notActions()),
                s.actions().isEmpty() && !s.notActions().isEmpty(),
                patterns(s.resources()),
                patterns(s.notResources()),
                s.resources().isEmpty() && !s.notResources().isEmpty(),
                s.condition(),
                s,
                policy);
    }

    /** An Allow of {@code actions} on every resource, without condition (built-in AWS-managed policies). */
    static Grant allowAll(String policy, String... actions) {
        return new Grant(
                true, lowerAll(actions), List.of(), false, List.of(Res.ALL), List.of(), false, null, null, policy);
    }

    /** An Allow of everything except {@code notActions} on every resource. */
    static Grant allowAllBut(String policy, String... notActions) {
        return new Grant(
                true, List.of(), lowerAll(notActions), true, List.of(Res.ALL), List.of(), false, null, null, policy);
    }

    private static List<String> lowerAll(String... actions) {
        List<String> out = new ArrayList<>();
        for (String a : actions) {
            out.add(a.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> lower(List<Value> values) {
        List<String> out = new ArrayList<>();
        for (Value v : values) {
            // A deploy-time action (e.g. an unresolved variable) matches nothing we can name.
            out.add(v.literal() ? v.text().trim().toLowerCase(Locale.ROOT) : "\u0000unknown");
        }
        return out;
    }

    private static List<Res> patterns(List<Value> values) {
        List<Res> out = new ArrayList<>();
        for (Value v : values) {
            out.add(Res.of(v));
        }
        return out;
    }

    /** True when this statement's actions cover {@code action} (lower or any case). */
    public boolean matchesAction(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (notAction) {
            for (String p : notActions) {
                if (Wildcard.matches(p, a)) {
                    return false;
                }
            }
            return true;
        }
        for (String p : actions) {
            if (Wildcard.matches(p, a)) {
                return true;
            }
        }
        return false;
    }

    /** True when some action pattern matches every action of every service ({@code *}) and the grant has no NotAction. */
    public boolean allActions() {
        return !notAction && actions.contains("*");
    }

    /** True when the grant applies to every resource: {@code Resource: "*"}. */
    public boolean allResources() {
        if (notResource) {
            return false;
        }
        for (Res r : resources) {
            if ("*".equals(r.pattern())) {
                return true;
            }
        }
        return false;
    }
}
