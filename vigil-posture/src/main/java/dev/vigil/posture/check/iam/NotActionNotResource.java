package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;

/** An Allow statement written with {@code NotAction} or {@code NotResource}. */
final class NotActionNotResource implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-006",
            "iam-notaction-notresource",
            Severity.MEDIUM,
            "Allow statement uses NotAction or NotResource",
            "Allow with NotAction grants every action except those listed, including actions AWS adds later; "
                    + "Allow with NotResource grants every resource but the listed ones. Both grant far more than they "
                    + "appear to.",
            "Rewrite the statement as an Allow of the actions and resources needed; use NotAction only in Deny.",
            "cfn_nag W15",
            "cfn_nag W16",
            "cfn_nag W17",
            "cfn_nag W21",
            "cfn_nag W22",
            "cfn_nag W23");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (IamDocs.Owned o : IamDocs.identityPolicies(d)) {
            for (Statement s : o.document().statements()) {
                if (!s.allow()) {
                    continue;
                }
                if (!s.notActions().isEmpty()) {
                    reporter.report(
                            s.actionLocation(),
                            o.subject(),
                            "Policy of " + o.subject() + " allows every action except those in NotAction.");
                } else if (!s.notResources().isEmpty()) {
                    reporter.report(
                            s.resourceLocation(),
                            o.subject(),
                            "Policy of " + o.subject() + " allows its actions on every resource except NotResource.");
                }
            }
        }
    }
}
