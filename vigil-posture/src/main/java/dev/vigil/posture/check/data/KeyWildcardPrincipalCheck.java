package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.ResourcePolicy;
import dev.vigil.posture.model.Statement;

/** KMS key policy that allows any principal without a restricting condition. */
final class KeyWildcardPrincipalCheck implements Check {
    private static final CheckInfo INFO = Info.of(
            "VGL-KMS-001",
            "kms-wildcard-principal",
            Severity.HIGH,
            Category.EXPOSURE,
            "KMS key policy allows any principal",
            "A key policy statement for Principal * lets any AWS account use or manage the key, and so decrypt"
                    + " everything encrypted with it.",
            "Grant the key to the account root or named roles; if * is needed, add a kms:CallerAccount or"
                    + " aws:PrincipalOrgID condition.",
            "Checkov CKV_AWS_33",
            "KICS f6049677",
            "KICS da905474",
            "cfn_nag F76",
            "Prowler kms_key_not_publicly_accessible",
            "Security Hub KMS.5");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (ResourcePolicy p : deployment.resourcePolicies()) {
            if (p.targetKind() != DataResource.Kind.KEY) {
                continue;
            }
            for (Statement s : p.document().statements()) {
                if (PolicyExposure.isPublic(s)) {
                    reporter.report(
                            p.location(),
                            p.id(),
                            "Key policy of " + p.id() + " allows any principal"
                                    + (s.sid() == null ? "" : " (statement " + s.sid() + ")")
                                    + " without a restricting condition");
                    break;
                }
            }
        }
    }
}
