package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A .zip function without a code-signing configuration (container images cannot use one). */
final class NoCodeSigning implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-012",
            "lambda-no-code-signing",
            Severity.LOW,
            Category.RUNTIME,
            "Function does not enforce code signing",
            "Without a code-signing configuration Lambda accepts any code package, so a stolen deploy credential can "
                    + "ship unreviewed code.",
            "Create an AWS::Lambda::CodeSigningConfig with your signing profile and set CodeSigningConfigArn.",
            "Checkov CKV_AWS_272");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            if (f.codeSigningConfig() == null && !f.isImage()) {
                reporter.report(f.location(), f.id(), f.id() + " has no code-signing configuration");
            }
        }
    }
}
