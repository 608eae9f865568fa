package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import java.util.Locale;

/**
 * An identity policy allowing {@code sts:AssumeRole} ({@code sts:AssumeRole}, {@code sts:Assume*}, {@code sts:*})
 * on every role. A bare {@code Action: "*"} is reported as an administrator policy instead.
 */
final class AssumeRoleAll implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-013",
            "iam-assumerole-all",
            Severity.MEDIUM,
            "Policy allows sts:AssumeRole on every role",
            "The principal can assume any role, in any account, whose trust policy lets it in; its effective rights "
                    + "are the union of all of them.",
            "List the role ARNs the function must assume.",
            "KICS e835bd0d",
            "Prowler iam_no_custom_policy_permissive_role_assumption");

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
                for (Value v : s.actions()) {
                    if (!v.literal()) {
                        continue;
                    }
                    String a = v.text().trim().toLowerCase(Locale.ROOT);
                    if (a.startsWith("sts:") && dev.vigil.posture.iam.Wildcard.matches(a, "sts:assumerole")) {
                        reporter.report(
                                v.location(),
                                o.subject(),
                                "Policy of " + o.subject() + " allows "
                                        + v.text().trim() + " on every role (*).");
                        break;
                    }
                }
            }
        }
    }
}
