package dev.vigil.posture.check.lambda;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The Lambda checks (documented in {@code docs/posture/lambda.md}). */
public final class LambdaChecks {
    private LambdaChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of(
                new FunctionUrlAuthNone(),
                new FunctionUrlCorsWildcard(),
                new PermissionPublic(),
                new PermissionNoSource(),
                new PermissionNonInvoke(),
                new DenialOfWallet(),
                new NoConcurrencyLimit(),
                new NoDeadLetterQueue(),
                new NotInVpc(),
                new VpcSingleAz(),
                new DeprecatedRuntime(),
                new NoCodeSigning(),
                new CrossAccountLayer(),
                new EnvNotEncrypted(),
                new NoXRayTracing(),
                new NoTags());
    }
}
