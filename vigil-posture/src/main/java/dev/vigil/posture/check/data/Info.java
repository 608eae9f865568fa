package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import java.util.List;
import java.util.Locale;

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
        return new CheckInfo(
                id,
                slug,
                severity,
                category,
                title,
                rationale,
                remediation,
                "docs/posture/data.md#" + id.toLowerCase(Locale.ROOT),
                List.of(equivalents));
    }
}
