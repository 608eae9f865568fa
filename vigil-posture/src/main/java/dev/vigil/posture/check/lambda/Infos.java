package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import java.util.List;

/** Builds the metadata of a Lambda check, with its documentation anchor in {@code docs/posture/lambda.md}. */
final class Infos {
    private Infos() {}

    static CheckInfo of(
            String id,
            String name,
            Severity severity,
            Category category,
            String title,
            String rationale,
            String remediation,
            String... equivalents) {
        return CheckInfo.documented(
                "docs/posture/lambda.md",
                id,
                name,
                severity,
                category,
                title,
                rationale,
                remediation,
                List.of(equivalents));
    }
}
