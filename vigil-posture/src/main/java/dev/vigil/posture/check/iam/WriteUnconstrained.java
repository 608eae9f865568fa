package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.iam.ActionCatalog;

/** Actions of access level "Write" (from the action catalogue) on every resource. */
final class WriteUnconstrained extends UnconstrainedKindCheck {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-010",
            "iam-write-unconstrained",
            Severity.LOW,
            "Policy allows write actions without resource constraints",
            "Write actions on `*` let the function create, change or delete resources it does not own.",
            "Name the resources the write actions apply to.",
            "Checkov CKV_AWS_111");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    boolean ofKind(String action) {
        ActionCatalog catalog = ActionCatalog.builtIn();
        // Actions AWS authorises only on "*" cannot be constrained, so they are not this finding.
        return catalog.accessLevel(action) == ActionCatalog.AccessLevel.WRITE
                && !catalog.resourceArnPatterns(action).isEmpty();
    }

    @Override
    String kindName() {
        return "write";
    }
}
