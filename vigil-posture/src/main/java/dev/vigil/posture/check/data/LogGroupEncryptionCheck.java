package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** Log group not encrypted with a customer-managed key */
final class LogGroupEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-LOGS-001",
            "logs-kms",
            Severity.LOW,
            Category.ENCRYPTION,
            "Log group not encrypted with a customer-managed key",
            "Function logs often carry request data and identifiers; a customer KMS key lets you control and audit who can read them.",
            "Set KmsKeyId on the log group to a customer-managed KMS key (its key policy must allow logs.<region>.amazonaws.com).",
            "Checkov CKV_AWS_158",
            "cfn_nag W84",
            "Prowler cloudwatch_log_group_kms_encryption_enabled");

    LogGroupEncryptionCheck() {
        super(DataResource.Kind.LOG_GROUP, Set.of(Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Log group " + r.id() + " has no KmsKeyId";
    }
}
