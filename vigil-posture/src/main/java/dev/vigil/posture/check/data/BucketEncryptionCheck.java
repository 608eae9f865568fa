package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import java.util.Set;

/** S3 bucket without default encryption */
final class BucketEncryptionCheck extends EncryptionCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-S3-002",
            "s3-sse",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "S3 bucket without default encryption",
            "Without a default encryption rule the template relies on the account default; a declared rule (SSE-S3 or SSE-KMS) makes the bucket's encryption explicit and auditable.",
            "Add BucketEncryption with a ServerSideEncryptionByDefault rule (aws:kms with a customer key, or AES256).",
            "Checkov CKV_AWS_19",
            "KICS b2e8752c",
            "Security Hub S3.17");

    BucketEncryptionCheck() {
        super(DataResource.Kind.BUCKET, Set.of(Setting.AWS_OWNED, Setting.AWS_MANAGED, Setting.CUSTOMER_KEY));
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    String message(DataResource r, String actual) {
        return "Bucket " + r.id() + " declares no default server-side encryption";
    }
}
