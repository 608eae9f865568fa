package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** Secrets Manager secret not encrypted with a customer-managed key */
final class SecretEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-SM-001",
            "secretsmanager-kms",
            Severity.LOW,
            Category.ENCRYPTION,
            "Secrets Manager secret not encrypted with a customer-managed key",
            "With the AWS-managed aws/secretsmanager key anyone with secretsmanager:GetSecretValue in the account can read the secret; a customer key adds a key policy as a second gate and allows cross-account sharing.",
            "Set KmsKeyId to a customer-managed KMS key.",
            "Checkov CKV_AWS_149",
            "KICS c8ae9ba9",
            "cfn_nag W77");

    SecretEncryptionCheck() {
        super(DataResource.Kind.SECRET, Set.of(Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Secret " + r.id() + " is encrypted with " + describe(actual) + ", not a customer-managed key";
    }
}
