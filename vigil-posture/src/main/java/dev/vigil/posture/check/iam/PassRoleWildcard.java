package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.Grant;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;

/** An Allow statement granting {@code iam:PassRole} (directly or through a wildcard) on every role. */
final class PassRoleWildcard implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-005",
            "iam-passrole-wildcard",
            Severity.HIGH,
            "iam:PassRole is allowed on every role",
            "PassRole on `*` lets the principal hand any role of the account, including administrator roles, to a "
                    + "service it controls (a new function, instance or stack) and act with that role's rights.",
            "Limit `iam:PassRole` to the ARNs of the roles it must pass, and add an `iam:PassedToService` condition.",
            "cfn_nag F38",
            "cfn_nag F39",
            "cfn_nag F40");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (IamDocs.Owned o : IamDocs.identityPolicies(d)) {
            for (Statement s : o.document().statements()) {
                if (!s.allow() || !IamDocs.anyResource(s)) {
                    continue;
                }
                if (Grant.of(s, null).matchesAction("iam:PassRole")) {
                    reporter.report(
                            s.actionLocation(),
                            o.subject(),
                            "Policy of " + o.subject() + " allows iam:PassRole on every role (*).");
                }
            }
        }
    }
}
