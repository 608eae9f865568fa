package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.LambdaPermission;

/**
 * A Lambda permission granted to every principal. Critical when nothing narrows it; a SourceArn, SourceAccount or
 * PrincipalOrgID condition narrows it, and such a grant is still reported (as KICS and cfn_nag do) at Medium, because a
 * wildcard principal is one edit away from public.
 */
final class PermissionPublic implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-003",
            "lambda-permission-public",
            Severity.CRITICAL,
            Category.EXPOSURE,
            "Lambda permission grants access to any principal",
            "A resource policy with Principal '*' lets any AWS account (or, for a NONE function URL, anyone) invoke "
                    + "or manage the function.",
            "Name the service or account that needs access as Principal and add SourceArn/SourceAccount "
                    + "(or PrincipalOrgID for an organisation).",
            "KICS 1d6e16f1",
            "cfn_nag F13",
            "Prowler awslambda_function_not_publicly_accessible",
            "Security Hub Lambda.1");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (LambdaPermission p : d.permissions()) {
            if (!Permissions.isPublic(p)) {
                continue;
            }
            var at = p.principal() != null ? p.principal().location() : p.location();
            if (Permissions.isRestricted(p)) {
                reporter.report(
                        Severity.MEDIUM,
                        at,
                        p.id(),
                        "permission " + p.id() + " has a wildcard principal, narrowed only by a source condition");
            } else {
                reporter.report(at, p.id(), "permission " + p.id() + " lets any principal invoke the function");
            }
        }
    }
}
