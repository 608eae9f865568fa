package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.AwsManagedPolicies;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.IamIdentity;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Value;
import java.util.List;
import java.util.Set;

/** A role, user or group with the AWS-managed AdministratorAccess, PowerUserAccess or IAMFullAccess policy. */
final class ManagedAdminAttached implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-015",
            "iam-managed-admin-attached",
            Severity.HIGH,
            "AdministratorAccess or another elevated AWS-managed policy is attached",
            "AdministratorAccess grants everything; PowerUserAccess everything but IAM; IAMFullAccess lets the "
                    + "principal grant itself everything. None belongs on a function role.",
            "Replace the managed policy with a policy that lists the actions and resources the function uses.",
            "cfn_nag W43",
            "cfn_nag W44",
            "Prowler iam_role_administratoraccess_policy",
            "Prowler iam_aws_attached_policy_no_administrative_privileges");

    static final Set<String> ELEVATED = Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Role r : d.roles()) {
            check(r.id(), r.managedPolicyArns(), reporter);
        }
        for (IamIdentity i : d.identities()) {
            check(i.id(), i.managedPolicyArns(), reporter);
        }
    }

    private static void check(String subject, List<Value> arns, Reporter reporter) {
        for (Value v : arns) {
            String name = AwsManagedPolicies.name(v.text());
            if (name != null && ELEVATED.contains(name)) {
                reporter.report(v.location(), subject, subject + " has the AWS-managed policy " + name + " attached.");
            }
        }
    }
}
