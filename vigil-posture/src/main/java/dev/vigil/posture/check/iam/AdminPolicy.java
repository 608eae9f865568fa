package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;

/** An Allow statement with {@code Action: "*"} on {@code Resource: "*"}: full administrator rights. */
final class AdminPolicy implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-001",
            "iam-admin-policy",
            Severity.CRITICAL,
            "Policy grants full administrative privileges (Action * on Resource *)",
            "A principal allowed every action on every resource can read all data, change every resource and grant "
                    + "itself or others anything; one compromised function becomes a compromised account.",
            "Grant only the actions and resources the function calls (see `vigil policy suggest`).",
            "Checkov CKV_AWS_1",
            "Checkov CKV_AWS_62",
            "KICS 59ebb4f3",
            "KICS a0ae0a4e",
            "KICS 953b3cdb",
            "Prowler iam_inline_policy_no_administrative_privileges",
            "Prowler iam_customer_attached_policy_no_administrative_privileges",
            "Security Hub IAM.1");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        Conditions conditions = Conditions.atNow();
        for (IamDocs.Owned o : IamDocs.identityPolicies(d)) {
            for (Statement s : o.document().statements()) {
                if (s.allow() && allActions(s) && IamDocs.anyResource(s) && conditions.satisfiable(s.condition())) {
                    reporter.report(
                            s.location(),
                            o.subject(),
                            "Policy of " + o.subject() + " allows every action (*) on every resource (*).");
                }
            }
        }
    }

    static boolean allActions(Statement s) {
        for (Value v : s.actions()) {
            if (v.is("*") || v.is("*:*")) {
                return true;
            }
        }
        return false;
    }
}
