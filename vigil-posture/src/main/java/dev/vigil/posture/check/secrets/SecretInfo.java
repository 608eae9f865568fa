package dev.vigil.posture.check.secrets;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import java.util.List;

/** Builds the metadata of the secrets checks (documented in docs/posture/secrets.md). */
final class SecretInfo {
    private SecretInfo() {}

    static CheckInfo of(
            String id,
            String name,
            Severity severity,
            String title,
            String rationale,
            String remediation,
            List<String> equivalents) {
        return CheckInfo.documented(
                "docs/posture/secrets.md",
                id,
                name,
                severity,
                Category.SECRETS,
                title,
                rationale,
                remediation,
                equivalents);
    }
}
