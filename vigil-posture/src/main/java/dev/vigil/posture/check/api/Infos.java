package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import java.util.List;

/** Builds the metadata of the API checks, with their documentation anchor in {@code docs/posture/apigw.md}. */
final class Infos {
    private Infos() {}

    static CheckInfo info(
            String id,
            String slug,
            Severity severity,
            Category category,
            String title,
            String rationale,
            String remediation,
            String... equivalents) {
        return CheckInfo.documented(
                "docs/posture/apigw.md",
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
