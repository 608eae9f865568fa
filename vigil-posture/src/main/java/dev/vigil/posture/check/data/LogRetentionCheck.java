package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Deployment;

/** CloudWatch log group that keeps its logs forever. */
final class LogRetentionCheck implements Check {
    private static final CheckInfo INFO = Info.of(
            "VGL-LOGS-002",
            "logs-retention",
            Severity.LOW,
            Category.OBSERVABILITY,
            "Log group without a retention period",
            "Without RetentionInDays logs are kept forever: personal data in them outlives any retention policy,"
                    + " and storage cost grows without bound.",
            "Set RetentionInDays to the period your retention policy requires.",
            "Checkov CKV_AWS_66",
            "cfn_nag W86",
            "Prowler cloudwatch_log_group_retention_policy_specific_days_enabled");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (DataResource g : deployment.dataResources()) {
            if (g.kind() == DataResource.Kind.LOG_GROUP && g.setting(Setting.RETENTION_DAYS) == null) {
                reporter.report(g.location(), g.id(), message(g));
            }
        }
    }

    private static String message(DataResource g) {
        String o = g.origin();
        if (o != null && o.startsWith("serverless.yml functions.")) {
            return "Log group " + g.id() + " of " + o.substring("serverless.yml ".length())
                    + " keeps logs forever: set logRetentionInDays on the function or the provider";
        }
        return "Log group " + g.id() + " has no RetentionInDays";
    }
}
