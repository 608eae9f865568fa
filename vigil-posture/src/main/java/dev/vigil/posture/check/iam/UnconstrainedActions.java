package dev.vigil.posture.check.iam;

import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.iam.Grant;
import dev.vigil.posture.iam.Wildcard;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which actions of a kind a statement grants without a resource constraint ({@code Resource: "*"} or
 * {@code NotResource}), the question behind the Checkov/cloudsplaining checks (credentials exposure, data
 * exfiltration, permissions management, write access). Wildcards and {@code NotAction} are expanded through the action
 * catalogue.
 */
final class UnconstrainedActions {
    private UnconstrainedActions() {}

    /**
     * Up to {@code limit} actions passing {@code kind} that the Allow statement grants on every resource.
     *
     * @param candidates every catalogue action of the kind, in catalogue order: a statement with NotAction or a
     *     cross-service wildcard is checked against these rather than by expanding it over the whole catalogue
     */
    static List<String> find(
            Statement s, Predicate<String> kind, List<String> candidates, int limit, Conditions conditions) {
        List<String> out = new ArrayList<>();
        if (!s.allow() || !unconstrained(s) || !conditions.satisfiable(s.condition())) {
            return out;
        }
        if (broad(s)) {
            Grant g = Grant.of(s, null);
            for (String a : candidates) {
                if (g.matchesAction(a)) {
                    out.add(a);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        }
        ActionCatalog catalog = ActionCatalog.builtIn();
        Predicate<String> collect = a -> {
            if (kind.test(a) && !out.contains(a)) {
                out.add(a);
            }
            return out.size() >= limit;
        };
        for (Value v : s.actions()) {
            if (!v.literal()) {
                continue;
            }
            String a = v.text().trim();
            String canonical = catalog.canonical(a);
            if (canonical != null) {
                collect.test(canonical);
            } else if (catalog.anyMatching(a, collect)) {
                break;
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /** NotAction, or an action pattern whose service part has a wildcard ({@code *}, {@code *:Get*}). */
    private static boolean broad(Statement s) {
        if (s.actions().isEmpty()) {
            return true;
        }
        for (Value v : s.actions()) {
            if (v.literal()) {
                String t = v.text().trim();
                int colon = t.indexOf(':');
                String service = colon < 0 ? t : t.substring(0, colon);
                if (Wildcard.hasWildcard(service)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unconstrained(Statement s) {
        if (s.resources().isEmpty() && !s.notResources().isEmpty()) {
            for (Value v : s.notResources()) {
                if (v.is("*")) {
                    return false;
                }
            }
            return true;
        }
        return IamDocs.anyResource(s);
    }
}
