package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A function without tags of its owner's (the tag SAM adds to every function does not count). */
final class NoTags implements Check {
    /** Added by the SAM transform to every function it generates. */
    static final String SAM_TAG = "lambda:createdBy";

    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-016",
            "lambda-tags",
            Severity.INFO,
            Category.OBSERVABILITY,
            "Function has no tags",
            "Tags tell who owns a function and what it costs; untagged functions are hard to attribute during an "
                    + "incident or a cost spike, and tag-based access control cannot cover them.",
            "Add Tags (e.g. owner, application, environment) to the function (serverless.yml: tags, or "
                    + "provider.tags / provider.stackTags).",
            "KICS 8df8e857",
            "KICS a71ecabe",
            "KICS f99d3482",
            "Security Hub Lambda.6");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            boolean tagged = f.tags().keySet().stream().anyMatch(k -> !k.equals(SAM_TAG));
            if (!tagged) {
                reporter.report(f.location(), f.id(), f.id() + " has no tags");
            }
        }
    }
}
