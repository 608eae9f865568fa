package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.IamIdentity;
import dev.vigil.posture.model.ManagedPolicy;
import dev.vigil.posture.model.PolicyDocument;
import java.util.HashSet;
import java.util.Set;

/**
 * Policies attached directly to IAM users: a user's {@code Policies} or {@code ManagedPolicyArns}, or a policy
 * resource whose {@code Users} is not empty.
 */
final class PolicyOnUser implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-018",
            "iam-policy-on-user",
            Severity.LOW,
            "Policy is attached directly to an IAM user",
            "Permissions attached user by user drift apart and are hard to review or revoke; groups and roles keep "
                    + "them in one place.",
            "Attach the policy to a group (and add the user to it) or to a role the user assumes.",
            "Checkov CKV_AWS_40",
            "KICS edc95c10",
            "cfn_nag F10",
            "cfn_nag F11",
            "cfn_nag F12",
            "Prowler iam_policy_attached_only_to_group_or_roles",
            "Security Hub IAM.2");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        Set<PolicyDocument> fromPolicyResources = new HashSet<>();
        for (ManagedPolicy p : d.managedPolicies()) {
            fromPolicyResources.add(p.document());
            if (!p.users().isEmpty()) {
                reporter.report(
                        p.usersLocation() == null ? p.location() : p.usersLocation(),
                        p.id(),
                        "Policy " + p.id() + " is attached directly to user(s) " + String.join(", ", p.users()) + ".");
            }
        }
        for (IamIdentity i : d.identities()) {
            if (i.kind() != IamIdentity.Kind.USER) {
                continue;
            }
            for (PolicyDocument doc : i.inlinePolicies()) {
                if (!fromPolicyResources.contains(doc)) {
                    reporter.report(
                            i.policiesKey() != null ? i.policiesKey() : doc.location(),
                            i.id(),
                            "User " + i.id() + " has an inline policy.");
                    break;
                }
            }
            i.managedPolicyArns().stream()
                    .filter(v -> v.literal())
                    .findFirst()
                    .ifPresent(v -> reporter.report(
                            i.managedPolicyArnsKey() != null ? i.managedPolicyArnsKey() : v.location(),
                            i.id(),
                            "User " + i.id() + " has the managed policy " + v.text() + "."));
        }
    }
}
