package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.Value;
import java.util.HashSet;
import java.util.Set;

/**
 * A layer published by another AWS account. Decidable only when the deployment names its own account: an execution
 * role must live in the function's account, so the account of every literal role ARN is the deployment's. A layer ARN
 * with a literal account outside that set comes from someone else.
 */
final class CrossAccountLayer implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-013",
            "lambda-cross-account-layers",
            Severity.HIGH,
            Category.RUNTIME,
            "Function uses a layer from another account",
            "Layer code runs inside the function with its role; a layer owned by another account can change under "
                    + "you (a new version is one publish away) and is outside your review.",
            "Copy the layer into your own account (or pin a reviewed version from a vendor you trust) and reference "
                    + "that ARN.",
            "Prowler awslambda_function_using_cross_account_layers");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        Set<String> own = new HashSet<>();
        for (Function f : d.functions()) {
            if (f.role() != null && f.role().arn() != null && f.role().arn().literal()) {
                String account = Arns.account(f.role().arn().text(), "iam");
                if (account != null) {
                    own.add(account);
                }
            }
        }
        if (own.isEmpty()) {
            return;
        }
        for (Function f : d.functions()) {
            for (Value layer : f.layers()) {
                if (!layer.literal()) {
                    continue;
                }
                String account = Arns.account(layer.text(), "lambda");
                if (account != null && !own.contains(account)) {
                    reporter.report(
                            layer.location(),
                            f.id(),
                            f.id() + " uses a layer of account " + account + ": " + layer.text());
                }
            }
        }
    }
}
