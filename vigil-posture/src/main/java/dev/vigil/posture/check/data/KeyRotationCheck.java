package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;

/**
 * Symmetric KMS key without automatic rotation. Asymmetric and HMAC keys, and keys with imported or external key
 * material, cannot rotate automatically and are not reported.
 */
final class KeyRotationCheck implements Check {
    private static final CheckInfo INFO = Info.of(
            "VGL-KMS-002",
            "kms-rotation",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "KMS key rotation disabled",
            "Without rotation one key version protects data indefinitely; yearly rotation limits how much data a"
                    + " compromised key version exposes.",
            "Set EnableKeyRotation: true on the key.",
            "Checkov CKV_AWS_7",
            "KICS 235ca980",
            "KICS 1c07bfaf",
            "cfn_nag F19",
            "Prowler kms_cmk_rotation_enabled",
            "Security Hub KMS.4");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (DataResource k : deployment.dataResources()) {
            if (k.kind() != DataResource.Kind.KEY || !rotatable(k)) {
                continue;
            }
            Value rotation = k.setting(Setting.KEY_ROTATION);
            if (rotation != null && rotation.literal() && !rotation.is("true")) {
                reporter.report(
                        rotation.location(),
                        k.id(),
                        "Key " + k.id()
                                + (rotation.location().equals(k.location())
                                        ? " does not enable key rotation"
                                        : " has EnableKeyRotation: " + rotation.text()));
            }
        }
    }

    private static boolean rotatable(DataResource k) {
        Value spec = k.setting(Setting.KEY_SPEC);
        Value origin = k.setting(Setting.KEY_ORIGIN);
        boolean symmetric = spec == null || spec.is("SYMMETRIC_DEFAULT");
        boolean awsMaterial = origin == null || origin.is("AWS_KMS");
        return symmetric && awsMaterial;
    }
}
