package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;

/**
 * A role trust policy that lets anyone assume the role: Allow with principal {@code *} or {@code {AWS: "*"}} (or an
 * AWS principal naming no account), Allow with {@code NotPrincipal}, Allow of action {@code *}, or Allow with
 * {@code NotAction}.
 */
final class TrustAnyPrincipal implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-011",
            "iam-trust-any-principal",
            Severity.HIGH,
            "Role trust policy allows any principal to assume the role",
            "A trust policy open to `*` (or written with NotPrincipal, `*` actions or NotAction) lets principals of "
                    + "any AWS account obtain the role's credentials.",
            "Trust only the service or the account principals that need the role, and allow only `sts:AssumeRole`.",
            "Checkov CKV_AWS_60",
            "KICS f80e3aa7",
            "cfn_nag F2",
            "cfn_nag F6",
            "cfn_nag W14");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Role r : d.roles()) {
            if (r.trustPolicy() == null) {
                continue;
            }
            for (Statement s : r.trustPolicy().statements()) {
                if (!s.allow()) {
                    continue;
                }
                String why = reason(s);
                if (why != null) {
                    reporter.report(r.trustPolicy().location(), r.id(), "Trust policy of " + r.id() + " " + why + ".");
                }
            }
        }
    }

    private static String reason(Statement s) {
        if (s.notPrincipal() != null) {
            return "allows everyone except NotPrincipal to assume it";
        }
        if (s.principal() != null) {
            if (s.principal().anyone()) {
                return "allows any principal (*) to assume it";
            }
            for (Value v : s.principal().values("AWS")) {
                if ("*".equals(TrustPolicies.account(v))) {
                    return "trusts " + v.text() + ", which names no specific account";
                }
            }
        }
        for (Value v : s.actions()) {
            if (v.is("*")) {
                return "allows every action (*) rather than sts:AssumeRole";
            }
        }
        if (s.actions().isEmpty() && !s.notActions().isEmpty()) {
            return "allows every action except NotAction";
        }
        return null;
    }
}
