package dev.vigil.posture.check.iam;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reports Allow statements that grant actions of one kind on every resource (one finding per statement). */
abstract class UnconstrainedKindCheck implements Check {

    /** True for the actions this check is about (canonical names). */
    abstract boolean ofKind(String action);

    /** What the actions are, for messages, e.g. "credential-returning". */
    abstract String kindName();

    private volatile List<String> candidates;

    /** Every catalogue action of this check's kind (computed once). */
    private List<String> candidates() {
        List<String> c = candidates;
        if (c == null) {
            c = new ArrayList<>();
            for (String a : ActionCatalog.builtIn().expand("*")) {
                if (ofKind(a)) {
                    c.add(a);
                }
            }
            c = List.copyOf(c);
            candidates = c;
        }
        return c;
    }

    private static String texts(List<Value> values) {
        StringBuilder b = new StringBuilder();
        for (Value v : values) {
            b.append(v.literal() ? "L" : "S").append(v.text()).append('\u0000');
        }
        return b.toString();
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        Conditions conditions = Conditions.atNow();
        // Wildcards expand over the whole catalogue; templates repeat the same action lists, so expand each once.
        Map<String, List<String>> cache = new HashMap<>();
        for (IamDocs.Owned o : IamDocs.identityPolicies(d)) {
            for (Statement s : o.document().statements()) {
                String key = s.allow() + "|" + texts(s.actions()) + "|" + texts(s.notActions()) + "|"
                        + texts(s.resources()) + "|" + texts(s.notResources()) + "|"
                        + conditions.satisfiable(s.condition());
                List<String> found = cache.computeIfAbsent(
                        key, k -> UnconstrainedActions.find(s, this::ofKind, candidates(), 3, conditions));
                if (!found.isEmpty()) {
                    reporter.report(
                            s.actionLocation(),
                            o.subject(),
                            "Policy of " + o.subject() + " allows " + kindName() + " actions without a resource "
                                    + "constraint: " + String.join(", ", found) + (found.size() >= 3 ? ", …" : "")
                                    + ".");
                }
            }
        }
    }
}
