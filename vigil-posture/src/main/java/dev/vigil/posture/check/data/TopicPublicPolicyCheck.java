package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;

/** SNS topic policy open to everyone. */
final class TopicPublicPolicyCheck extends MessagingPolicyCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-SNS-002",
            "sns-public-policy",
            Severity.HIGH,
            Category.EXPOSURE,
            "SNS topic policy open to everyone",
            "A public topic policy lets anyone publish (driving subscribed functions, a denial-of-wallet path) or"
                    + " subscribe and receive every message.",
            "Name the principals and add aws:SourceArn/aws:SourceAccount conditions for services; use Action lists"
                    + " instead of NotAction.",
            "cfn_nag F18",
            "cfn_nag F8",
            "cfn_nag W19",
            "KICS ae53ce91",
            "KICS 818f38ed",
            "Prowler sns_topics_not_publicly_accessible",
            "Security Hub SNS.4");

    TopicPublicPolicyCheck() {
        super(DataResource.Kind.TOPIC, "Topic", false);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }
}
