package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.iam.Permissions;
import dev.vigil.posture.iam.Principals;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A function whose execution role cannot write CloudWatch Logs ({@code logs:CreateLogStream} and
 * {@code logs:PutLogEvents}, through inline policies, template-managed policies, or known AWS-managed policies such
 * as {@code AWSLambdaBasicExecutionRole}). A role declared outside the template cannot be verified; that is reported
 * at Info severity.
 */
final class LambdaNoLogsPermission implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-017",
            "lambda-no-logs-permission",
            Severity.LOW,
            "Function role cannot write CloudWatch Logs",
            "Without logs:CreateLogStream and logs:PutLogEvents the function runs unmonitored: errors, and traces of "
                    + "an attack, leave no record.",
            "Attach `AWSLambdaBasicExecutionRole` or allow `logs:CreateLogStream` and `logs:PutLogEvents` on the "
                    + "function's log group.",
            "cfn_nag W58");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        ActionCatalog catalog = ActionCatalog.builtIn();
        Conditions conditions = Conditions.atNow();
        Map<String, Principals.Principal> roles = new HashMap<>();
        for (Principals.Principal p : Principals.of(d)) {
            if (p.kind() == Principals.Kind.ROLE) {
                roles.put(p.id(), p);
            }
        }
        for (Function f : d.functions()) {
            Function.RoleRef ref = f.role();
            if (ref == null) {
                continue;
            }
            Optional<Principals.Principal> role =
                    Optional.ofNullable(ref.roleId() == null ? null : roles.get(ref.roleId()));
            if (role.isEmpty()) {
                reporter.report(
                        Severity.INFO,
                        f.location(),
                        f.id(),
                        "Function " + f.id() + " uses a role declared outside this template ("
                                + (ref.arn() == null ? ref.roleId() : ref.arn().text())
                                + "); its CloudWatch Logs permissions cannot be verified.");
                continue;
            }
            Permissions p = role.get().permissions(catalog, conditions);
            boolean stream = p.allows("logs:CreateLogStream");
            boolean put = p.allows("logs:PutLogEvents");
            if (!stream || !put) {
                String missing = !stream && !put
                        ? "logs:CreateLogStream and logs:PutLogEvents"
                        : !stream ? "logs:CreateLogStream" : "logs:PutLogEvents";
                reporter.report(
                        f.location(),
                        f.id(),
                        "Role " + ref.roleId() + " of function " + f.id() + " does not allow " + missing + ".");
            }
        }
    }
}
