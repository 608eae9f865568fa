package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.iam.ActionCatalog;

/** Actions of access level "Permissions management" (from the action catalogue) on every resource. */
final class PermissionsManagement extends UnconstrainedKindCheck {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-009",
            "iam-permissions-management",
            Severity.MEDIUM,
            "Policy allows permissions-management actions without resource constraints",
            "Permissions-management actions change who may do what (IAM policies, resource policies, ACLs, grants); "
                    + "on `*` they let the principal open any resource to anyone, itself included.",
            "Limit these actions to the resources the function manages, or move them out of the function's role.",
            "Checkov CKV_AWS_109");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    boolean ofKind(String action) {
        ActionCatalog catalog = ActionCatalog.builtIn();
        // Actions AWS authorises only on "*" cannot be constrained, so they are not this finding.
        return catalog.accessLevel(action) == ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT
                && !catalog.resourceArnPatterns(action).isEmpty();
    }

    @Override
    String kindName() {
        return "permissions-management";
    }
}
