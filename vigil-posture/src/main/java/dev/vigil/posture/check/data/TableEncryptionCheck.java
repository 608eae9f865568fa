package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** DynamoDB table not encrypted with a KMS key */
final class TableEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-DDB-001",
            "dynamodb-kms",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "DynamoDB table not encrypted with a KMS key",
            "Without SSEEnabled the table uses a key AWS owns: access to the data cannot be audited or revoked through KMS.",
            "Set SSESpecification.SSEEnabled: true with SSEType KMS, and KMSMasterKeyId to a customer-managed key.",
            "Checkov CKV_AWS_119",
            "KICS 4bd21e68",
            "KICS c8dee387",
            "cfn_nag W74",
            "Prowler dynamodb_tables_kms_cmk_encryption_enabled");

    TableEncryptionCheck() {
        super(DataResource.Kind.TABLE, Set.of(Setting.AWS_MANAGED, Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Table " + r.id() + " is encrypted with " + describe(actual) + ", not a KMS key";
    }
}
