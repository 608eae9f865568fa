package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.CheckInfo;
import java.util.Locale;
import java.util.Set;

/** Read actions that return stored data or secrets ({@code s3:GetObject}, parameters, secrets) on every resource. */
final class DataExfiltration extends UnconstrainedKindCheck {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-008",
            "iam-data-exfiltration",
            Severity.MEDIUM,
            "Policy allows reading objects, parameters or secrets on every resource",
            "Unrestricted `s3:GetObject`, `ssm:GetParameter*` or `secretsmanager:GetSecretValue` lets a compromised "
                    + "function read every bucket, parameter and secret of the account.",
            "Name the buckets (object ARNs), parameter paths and secret ARNs the function reads.",
            "Checkov CKV_AWS_108");

    static final Set<String> ACTIONS = Set.of(
            "s3:getobject",
            "s3:getobjectversion",
            "ssm:getparameter",
            "ssm:getparameters",
            "ssm:getparametersbypath",
            "secretsmanager:getsecretvalue");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    boolean ofKind(String action) {
        return ACTIONS.contains(action.toLowerCase(Locale.ROOT));
    }

    @Override
    String kindName() {
        return "data-reading";
    }
}
