package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/**
 * A VPC function whose subnets are all in one availability zone. Decided only from what the template states: the
 * distinct zones of subnets declared in the same template, else the number of subnets in a literal list.
 */
final class VpcSingleAz implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-010",
            "lambda-vpc-single-az",
            Severity.MEDIUM,
            Category.DENIAL_OF_WALLET,
            "VPC function runs in a single availability zone",
            "A VPC function can only run in the zones of its subnets; with one zone an outage of that zone stops it.",
            "List subnets in at least two availability zones in VpcConfig.SubnetIds.",
            "Prowler awslambda_function_vpc_multi_az",
            "Security Hub Lambda.5");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            Function.Vpc vpc = f.vpc();
            if (vpc == null) {
                continue;
            }
            if (vpc.availabilityZones() != null) {
                if (vpc.availabilityZones() < 2) {
                    reporter.report(vpc.location(), f.id(), f.id() + " has subnets in one availability zone only");
                }
            } else if (vpc.subnetCountKnown() && vpc.subnetIds().size() < 2) {
                reporter.report(
                        vpc.location(),
                        f.id(),
                        f.id() + " has " + vpc.subnetIds().size() + " subnet(s): at most one availability zone");
            }
        }
    }
}
