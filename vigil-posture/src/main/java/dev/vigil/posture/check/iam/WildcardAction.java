package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;

/** An Allow statement whose actions include {@code *} or a whole service ({@code s3:*}). */
final class WildcardAction implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-002",
            "iam-wildcard-action",
            Severity.HIGH,
            "Policy allows every action of a service or of all services",
            "A wildcard action grants today's and every future action of the service, including destructive and "
                    + "permission-changing ones the function never calls.",
            "List the actions the function calls instead of `*` or `service:*`.",
            "Checkov CKV_AWS_49",
            "Checkov CKV_AWS_63",
            "cfn_nag F3",
            "cfn_nag F4",
            "cfn_nag F5",
            "Security Hub IAM.21");

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
                for (Value v : s.actions()) {
                    if (IamDocs.serviceWildcard(v)) {
                        reporter.report(
                                v.location(),
                                o.subject(),
                                "Policy of " + o.subject() + " allows the wildcard action "
                                        + v.text().trim() + ".");
                        break;
                    }
                }
            }
        }
    }
}
