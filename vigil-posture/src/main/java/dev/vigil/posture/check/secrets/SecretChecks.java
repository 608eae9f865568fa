package dev.vigil.posture.check.secrets;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The secrets checks. */
public final class SecretChecks {
    private SecretChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of(new HardcodedAwsKeys(), new LambdaEnvSecrets(), new PlaintextSecretProperty());
    }
}
