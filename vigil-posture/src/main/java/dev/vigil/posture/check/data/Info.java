package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import java.util.List;

/** Builds the {@link CheckInfo} of a data check, with its anchor in {@code docs/posture/data.md}. */
final class Info {
    private Info() {}

    static CheckInfo of(
            String id,
            String slug,
            Severity severity,
            Category category,
            String title,
            String rationale,
            String remediation,
            String... equivalents) {
        return CheckInfo.documented(
                "docs/posture/data.md",
                id,
                slug,
                severity,
                category,
                title,
                rationale,
                remediation,
                List.of(equivalents));
    }
}
