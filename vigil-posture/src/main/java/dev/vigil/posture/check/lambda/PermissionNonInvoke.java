package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.LambdaPermission;
import java.util.Locale;
import java.util.Set;

/** A Lambda permission that grants something other than invoking the function. */
final class PermissionNonInvoke implements Check {
    private static final Set<String> INVOKE = Set.of("lambda:invokefunction", "lambda:invokefunctionurl");

    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-005",
            "lambda-permission-non-invoke",
            Severity.LOW,
            Category.EXPOSURE,
            "Lambda permission grants an action other than invoke",
            "Callers of a function only need lambda:InvokeFunction (or InvokeFunctionUrl); any other action lets them "
                    + "read or change the function itself.",
            "Grant lambda:InvokeFunction only; manage the function through IAM roles of the deploying account.",
            "KICS 9b83114b",
            "cfn_nag W24");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (LambdaPermission p : d.permissions()) {
            if (p.action() != null
                    && p.action().literal()
                    && !INVOKE.contains(p.action().text().trim().toLowerCase(Locale.ROOT))) {
                reporter.report(
                        p.action().location(),
                        p.id(),
                        "permission " + p.id() + " grants " + p.action().text() + ", not lambda:InvokeFunction");
            }
        }
    }
}
