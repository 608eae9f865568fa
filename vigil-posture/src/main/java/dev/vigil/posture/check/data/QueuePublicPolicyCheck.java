package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;

/** SQS queue policy open to everyone, or granting every action. */
final class QueuePublicPolicyCheck extends MessagingPolicyCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-SQS-002",
            "sqs-public-policy",
            Severity.HIGH,
            Category.EXPOSURE,
            "SQS queue policy open to everyone or to every action",
            "Anyone allowed by a public queue policy can read, delete or inject messages, which then drive the"
                    + " functions the queue triggers.",
            "Name the principals (accounts, roles, service principals) and add aws:SourceArn or aws:SourceAccount"
                    + " conditions for services; list the actions instead of sqs:* or NotAction.",
            "cfn_nag F21",
            "cfn_nag F20",
            "cfn_nag F7",
            "cfn_nag W18",
            "KICS 9b6a3f5b",
            "Prowler sqs_queues_not_publicly_accessible");

    QueuePublicPolicyCheck() {
        super(DataResource.Kind.QUEUE, "Queue", true);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }
}
