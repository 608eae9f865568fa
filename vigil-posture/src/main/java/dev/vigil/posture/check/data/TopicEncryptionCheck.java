package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** SNS topic without KMS encryption */
final class TopicEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-SNS-001",
            "sns-kms",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "SNS topic without KMS encryption",
            "SNS stores messages until delivery; without a KMS key they are not encrypted at rest.",
            "Set KmsMasterKeyId on the topic (a customer-managed key, or alias/aws/sns).",
            "Checkov CKV_AWS_26",
            "KICS 9d13b150",
            "cfn_nag W47",
            "Prowler sns_topics_kms_encryption_at_rest_enabled",
            "Security Hub SNS.1");

    TopicEncryptionCheck() {
        super(DataResource.Kind.TOPIC, Set.of(Setting.AWS_MANAGED, Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Topic " + r.id() + " has no KmsMasterKeyId";
    }
}
