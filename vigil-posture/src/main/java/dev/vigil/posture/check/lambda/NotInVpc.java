package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A function that is not attached to a VPC (informational: most serverless functions need no VPC). */
final class NotInVpc implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-009",
            "lambda-not-in-vpc",
            Severity.LOW,
            Category.EXPOSURE,
            "Function is not in a VPC",
            "A function outside a VPC reaches the internet directly, so network controls (security groups, "
                    + "endpoints, egress filtering) cannot restrict where it sends data. Often deliberate for "
                    + "serverless functions that only call AWS APIs.",
            "Attach the function to private subnets with VpcConfig (serverless.yml: vpc) when it handles data that "
                    + "must stay on private networks, or suppress this finding with a reason.",
            "Checkov CKV_AWS_117",
            "cfn_nag W89",
            "Prowler awslambda_function_inside_vpc",
            "Security Hub Lambda.3");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            if (f.vpc() == null) {
                reporter.report(f.location(), f.id(), f.id() + " is not attached to a VPC");
            }
        }
    }
}
