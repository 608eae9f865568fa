package dev.vigil.posture.check.iam;

import dev.vigil.posture.check.Check;
import java.util.List;

/** The iam checks. */
public final class IamChecks {
    private IamChecks() {}

    /** Every check of this package. */
    public static List<Check> all() {
        return List.of(
                new AdminPolicy(),
                new WildcardAction(),
                new WildcardResource(),
                new PrivilegeEscalation(),
                new PassRoleWildcard(),
                new NotActionNotResource(),
                new CredentialsExposure(),
                new DataExfiltration(),
                new PermissionsManagement(),
                new WriteUnconstrained(),
                new TrustAnyPrincipal(),
                new TrustCrossAccount(),
                new AssumeRoleAll(),
                new TrustServiceNoSource(),
                new ManagedAdminAttached(),
                new LambdaSharedRole(),
                new LambdaNoLogsPermission(),
                new PolicyOnUser());
    }
}
