package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A function whose X-Ray tracing mode is not Active. */
final class NoXRayTracing implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-015",
            "lambda-xray",
            Severity.LOW,
            Category.OBSERVABILITY,
            "Function does not have X-Ray active tracing",
            "Without active tracing, requests through the function leave no trace to follow during an incident.",
            "Set TracingConfig.Mode: Active (SAM: Tracing: Active, serverless.yml: tracing.lambda: true or "
                    + "tracing: Active on the function).",
            "KICS 9488c451",
            "KICS dc1ab429",
            "KICS 0d7ef70f",
            "Security Hub Lambda.7");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            if (f.tracing() == null) {
                reporter.report(f.location(), f.id(), f.id() + " has no X-Ray tracing configuration");
            } else if (f.tracing().literal() && !f.tracing().is("Active")) {
                reporter.report(
                        f.tracing().location(),
                        f.id(),
                        f.id() + " has tracing mode " + f.tracing().text() + ", not Active");
            }
        }
    }
}
