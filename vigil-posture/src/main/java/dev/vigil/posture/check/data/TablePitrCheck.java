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

/** DynamoDB table (or a global table replica) without point-in-time recovery. */
final class TablePitrCheck implements Check {
    private static final CheckInfo INFO = Info.of(
            "VGL-DDB-002",
            "dynamodb-pitr",
            Severity.MEDIUM,
            Category.DATA_PROTECTION,
            "DynamoDB point-in-time recovery disabled",
            "Without point-in-time recovery a buggy deployment or a compromised function that overwrites or deletes"
                    + " items cannot be undone.",
            "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true (on every replica of a global"
                    + " table).",
            "Checkov CKV_AWS_28",
            "Checkov CKV_AWS_165",
            "KICS 0f04217d",
            "cfn_nag W78",
            "Prowler dynamodb_tables_pitr_enabled",
            "Security Hub DynamoDB.2");

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
            Value pitr = t.setting(Setting.PITR);
            if (pitr != null && pitr.literal() && !pitr.is("true")) {
                reporter.report(pitr.location(), t.id(), "Table " + t.id() + " does not enable point-in-time recovery");
            }
        }
    }
}
