package dev.vigil.posture.check.iam;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;
import java.util.List;

/** Reports Allow statements that grant actions of one kind on every resource (one finding per statement). */
abstract class UnconstrainedKindCheck implements Check {

    /** True for the actions this check is about (canonical names). */
    abstract boolean ofKind(String action);

    /** What the actions are, for messages, e.g. "credential-returning". */
    abstract String kindName();

    @Override
    public void run(Deployment d, Reporter reporter) {
        Conditions conditions = Conditions.atNow();
        for (IamDocs.Owned o : IamDocs.identityPolicies(d)) {
            for (Statement s : o.document().statements()) {
                List<String> found = UnconstrainedActions.find(s, this::ofKind, 3, conditions);
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
