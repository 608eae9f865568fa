package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.LambdaPermission;

/** A permission for an AWS service principal without SourceArn or SourceAccount (confused deputy). */
final class PermissionNoSource implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-004",
            "lambda-permission-no-source",
            Severity.MEDIUM,
            Category.EXPOSURE,
            "Service permission without SourceArn or SourceAccount",
            "A grant to a service principal such as s3.amazonaws.com without a source condition lets that service "
                    + "invoke the function on behalf of any account's resource (confused deputy).",
            "Add SourceArn (the bucket, topic, rule or API that calls the function) and, for S3, SourceAccount.",
            "Checkov CKV_AWS_364",
            "Security Hub Lambda.1");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (LambdaPermission p : d.permissions()) {
            if (Permissions.isServicePrincipal(p) && p.sourceArn() == null && p.sourceAccount() == null) {
                reporter.report(
                        p.location(),
                        p.id(),
                        "permission " + p.id() + " for " + p.principal().text() + " has no SourceArn or SourceAccount");
            }
        }
    }
}
