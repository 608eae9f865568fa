package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;
import java.util.Locale;

/**
 * DynamoDB capacity mode not stated: a billing mode other than {@code PROVISIONED} or {@code PAY_PER_REQUEST}, or no
 * billing mode and no provisioned throughput (the implied provisioned mode then has no capacity set).
 */
final class TableBillingModeCheck implements Check {
    private static final CheckInfo INFO = Info.of(
            "VGL-DDB-003",
            "dynamodb-billing-mode",
            Severity.LOW,
            Category.DENIAL_OF_WALLET,
            "DynamoDB capacity mode not set",
            "The capacity mode decides how the table behaves, and what it costs, under a burst of traffic; leaving it"
                    + " implicit or invalid hides that decision.",
            "Set BillingMode: PROVISIONED with ProvisionedThroughput (and auto scaling), or PAY_PER_REQUEST (and"
                    + " consider on-demand throughput limits).",
            "KICS c333e906",
            "cfn_nag W73",
            "Prowler dynamodb_table_autoscaling_enabled",
            "Security Hub DynamoDB.1");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (DataResource t : deployment.dataResources()) {
            if (t.kind() != DataResource.Kind.TABLE) {
                continue;
            }
            Value mode = t.setting(Setting.BILLING_MODE);
            if (mode == null) {
                if (t.setting(Setting.PROVISIONED_THROUGHPUT) == null) {
                    reporter.report(
                            t.location(),
                            t.id(),
                            "Table " + t.id() + " sets neither BillingMode nor provisioned throughput");
                }
            } else if (mode.literal() && !valid(mode.text())) {
                reporter.report(
                        mode.location(), t.id(), "Table " + t.id() + " has an unknown BillingMode " + mode.text());
            }
        }
    }

    private static boolean valid(String mode) {
        String m = mode.trim().toUpperCase(Locale.ROOT);
        return m.equals("PROVISIONED") || m.equals("PAY_PER_REQUEST");
    }
}
