package dev.vigil.posture.check.data;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The data checks: exposure, encryption and protection of buckets, queues, topics, tables, keys and logs. */
public final class DataChecks {
    private DataChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of(
                new BucketPublicCheck(),
                new BucketEncryptionCheck(),
                new QueueEncryptionCheck(),
                new QueuePublicPolicyCheck(),
                new TopicEncryptionCheck(),
                new TopicPublicPolicyCheck(),
                new KeyWildcardPrincipalCheck(),
                new KeyRotationCheck(),
                new TableEncryptionCheck(),
                new TablePitrCheck(),
                new TableBillingModeCheck(),
                new StreamEncryptionCheck(),
                new SecretEncryptionCheck(),
                new LogGroupEncryptionCheck(),
                new LogRetentionCheck(),
                new EventBusPublicPolicyCheck());
    }
}
