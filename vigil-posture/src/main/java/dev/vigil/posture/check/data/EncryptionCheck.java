package dev.vigil.posture.check.data;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;
import java.util.Set;

/**
 * A check that a kind of data resource is encrypted at rest at least as strongly as required. Resources whose
 * encryption is only known at deploy time are not reported.
 */
abstract class EncryptionCheck implements Check {
    private final DataResource.Kind kind;
    private final Set<String> accepted;

    /**
     * @param kind the resources checked
     * @param accepted the {@link Setting#ENCRYPTION} values that pass
     */
    EncryptionCheck(DataResource.Kind kind, Set<String> accepted) {
        this.kind = kind;
        this.accepted = accepted;
    }

    /** What is wrong, for a resource whose encryption is {@code actual}. */
    abstract String message(DataResource r, String actual);

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (DataResource r : deployment.dataResources()) {
            if (r.kind() != kind) {
                continue;
            }
            Value enc = r.setting(Setting.ENCRYPTION);
            if (enc != null && enc.literal() && !accepted.contains(enc.text())) {
                reporter.report(r.locationOf(Setting.ENCRYPTION), r.id(), message(r, enc.text()));
            }
        }
    }

    /** A readable phrase for an encryption value. */
    static String describe(String encryption) {
        return switch (encryption) {
            case Setting.NONE -> "no encryption at rest";
            case Setting.AWS_OWNED -> "an AWS-owned key";
            case Setting.AWS_MANAGED -> "the AWS-managed key";
            default -> "a customer-managed KMS key";
        };
    }
}
