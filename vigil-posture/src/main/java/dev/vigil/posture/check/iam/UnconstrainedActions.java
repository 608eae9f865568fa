package dev.vigil.posture.check.iam;

import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.iam.Conditions;
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

    /** Up to {@code limit} actions passing {@code kind} that the Allow statement grants on every resource. */
    static List<String> find(Statement s, Predicate<String> kind, int limit, Conditions conditions) {
        List<String> out = new ArrayList<>();
        if (!s.allow() || !unconstrained(s) || !conditions.satisfiable(s.condition())) {
            return out;
        }
        ActionCatalog catalog = ActionCatalog.builtIn();
        Predicate<String> collect = a -> {
            if (kind.test(a) && !out.contains(a)) {
                out.add(a);
            }
            return out.size() >= limit;
        };
        if (s.actions().isEmpty() && !s.notActions().isEmpty()) {
            List<String> not = new ArrayList<>();
            for (Value v : s.notActions()) {
                if (v.literal()) {
                    not.add(v.text());
                }
            }
            catalog.anyExcept(not, collect);
            return out;
        }
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
