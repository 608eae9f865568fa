package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.iam.Grant;
import dev.vigil.posture.iam.Principals;
import dev.vigil.posture.iam.Privesc;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A principal (role, user, group, or a policy attached to nothing in the template) whose policies together allow a
 * known privilege-escalation method: every action of the method granted on a resource it can exploit, under a
 * condition that can hold, and not denied.
 */
final class PrivilegeEscalation implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-004",
            "iam-privesc",
            Severity.HIGH,
            "Permissions allow privilege escalation",
            "The principal can give itself more rights than it was granted (e.g. rewrite its own policy, or pass a "
                    + "stronger role to new compute it controls), so its policy is not the limit of what it can do.",
            "Remove the escalation actions or limit them to resources that cannot raise privileges (e.g. PassRole "
                    + "to one named role, policy changes to nothing).",
            "Checkov CKV_AWS_110",
            "Prowler iam_policy_allows_privilege_escalation",
            "Prowler iam_inline_policy_allows_privilege_escalation");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        ActionCatalog catalog = ActionCatalog.builtIn();
        Conditions conditions = Conditions.atNow();
        for (Principals.Principal p : Principals.of(d)) {
            List<Privesc.Path> paths = Privesc.paths(p.permissions(catalog, conditions));
            if (paths.isEmpty()) {
                continue;
            }
            Privesc.Path first = paths.get(0);
            Grant via = first.grants().get(0);
            Location at = via.source() != null ? via.source().location() : p.location();
            String more = paths.size() > 1 ? " (and " + (paths.size() - 1) + " more method(s))" : "";
            reporter.report(
                    at,
                    p.id(),
                    p.id() + " can escalate privileges via " + first.method().id() + " ("
                            + String.join(" + ", first.method().actions()) + ", "
                            + first.method().category().label() + ")" + more + ".");
        }
    }
}
