package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** Kinesis stream without server-side encryption */
final class StreamEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-KINESIS-001",
            "kinesis-sse",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "Kinesis stream without server-side encryption",
            "Records in an unencrypted stream are stored in clear text for the whole retention period.",
            "Set StreamEncryption with EncryptionType: KMS and a KeyId (a customer key, or alias/aws/kinesis).",
            "Checkov CKV_AWS_43",
            "KICS 7f65be75",
            "cfn_nag W49");

    StreamEncryptionCheck() {
        super(DataResource.Kind.STREAM, Set.of(Setting.AWS_MANAGED, Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Stream " + r.id() + " has no KMS stream encryption (EncryptionType KMS with a KeyId)";
    }
}
