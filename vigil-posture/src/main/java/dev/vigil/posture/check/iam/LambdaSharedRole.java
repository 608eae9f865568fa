package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions that do not have an IAM role of their own: two or more functions naming the same role (the same
 * template role, or the same ARN or expression), and in a serverless.yml every function left on the service-wide
 * default role ({@code IamRoleLambdaExecution}, which the Serverless Framework shares between all functions of the
 * service and to which it adds every provider-level statement). In SAM a function without {@code Role} gets its own
 * generated role, so it is not flagged.
 */
final class LambdaSharedRole implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-016",
            "lambda-shared-role",
            Severity.MEDIUM,
            "Function does not have its own IAM role",
            "Functions sharing a role each get the union of the permissions all of them need, so the least "
                    + "privileged function is as powerful as the most privileged one.",
            "Give each function its own role (SAM does this by default; in serverless.yml set `role:` per function "
                    + "or use per-function IAM statements).",
            "KICS 165aae3b",
            "KICS 4ba74f01",
            "KICS ae03f542");

    /** The logical id the Serverless Framework gives its service-wide execution role. */
    static final String SERVERLESS_DEFAULT_ROLE = "IamRoleLambdaExecution";

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        Map<String, List<Function>> byRole = new LinkedHashMap<>();
        for (Function f : d.functions()) {
            String key = key(f);
            if (key != null) {
                byRole.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
        }
        for (Map.Entry<String, List<Function>> e : byRole.entrySet()) {
            List<Function> fns = e.getValue();
            boolean serverlessDefault =
                    d.format() == Format.SERVERLESS && e.getKey().equals("id:" + SERVERLESS_DEFAULT_ROLE);
            if (fns.size() < 2 && !serverlessDefault) {
                continue;
            }
            for (Function f : fns) {
                String message = serverlessDefault
                        ? "Function " + f.id() + " has no role of its own; it uses the service-wide "
                                + SERVERLESS_DEFAULT_ROLE + "."
                        : "Function " + f.id() + " shares its role with " + (fns.size() - 1) + " other function(s).";
                reporter.report(at(f), f.id(), message);
            }
        }
    }

    private static String key(Function f) {
        Function.RoleRef r = f.role();
        if (r == null) {
            return null;
        }
        if (r.roleId() != null) {
            return "id:" + r.roleId();
        }
        return r.arn() == null ? null : "arn:" + r.arn().text();
    }

    private static Location at(Function f) {
        Function.RoleRef r = f.role();
        return r.arn() != null && r.arn().location() != null ? r.arn().location() : f.location();
    }
}
