package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** SQS queue without server-side encryption */
final class QueueEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-SQS-001",
            "sqs-sse",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "SQS queue without server-side encryption",
            "Messages waiting in an unencrypted queue are stored in clear text; SSE protects them at rest at no cost to producers or consumers.",
            "Set KmsMasterKeyId (a customer key, or alias/aws/sqs), or SqsManagedSseEnabled: true.",
            "Checkov CKV_AWS_27",
            "KICS 12726829",
            "cfn_nag W48",
            "Prowler sqs_queues_server_side_encryption_enabled",
            "Security Hub SQS.1");

    QueueEncryptionCheck() {
        super(DataResource.Kind.QUEUE, Set.of(Setting.AWS_OWNED, Setting.AWS_MANAGED, Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Queue " + r.id() + " has neither KmsMasterKeyId nor SqsManagedSseEnabled: true";
    }
}
