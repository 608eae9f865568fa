package dev.vigil.posture.check.secrets;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.secrets.SecretDetector;
import dev.vigil.posture.secrets.SecretKind;
import dev.vigil.posture.secrets.SecretMatch;
import java.util.List;

/**
 * VGL-SECRET-002: a secret in a function's environment variables: a known token shape, the literal value of a
 * secret-named variable, or a random-looking key.
 */
public final class LambdaEnvSecrets implements Check {
    private static final CheckInfo INFO = SecretInfo.of(
            "VGL-SECRET-002",
            "lambda-env-secrets",
            Severity.HIGH,
            "Secret hard-coded in a function's environment variables",
            "Environment variables are stored with the function configuration and shown by GetFunctionConfiguration,"
                    + " the console and the template in the repository: anyone who can read them has the secret.",
            "Store the secret in Secrets Manager or as an SSM SecureString, pass its name or ARN in the environment,"
                    + " and read it at run time (cached) with a role allowed to read only that secret.",
            List.of("Checkov CKV_AWS_45", "KICS a88baa34", "Prowler awslambda_function_no_secrets_in_variables"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (LiteralEnvironment.Hit h : LiteralEnvironment.scan(deployment, SecretDetector::inEnvironment)) {
            SecretMatch m = h.first();
            String message = "environment variable " + h.variable().name() + " of function "
                    + h.function().id()
                    + " holds "
                    + (m.kind() == SecretKind.NAMED_SECRET ? "a literal secret " + m.masked() : "a " + m.describe());
            if (m.kind() == SecretKind.HIGH_ENTROPY) {
                reporter.report(Severity.MEDIUM, h.at(), h.function().id(), message);
            } else {
                reporter.report(h.at(), h.function().id(), message);
            }
        }
    }
}
