package dev.vigil.posture.check.secrets;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.secrets.SecretDetector;
import dev.vigil.posture.secrets.SecretKind;
import dev.vigil.posture.secrets.SecretMatch;
import dev.vigil.posture.source.Location;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Set<Location> reported = new HashSet<>();
        for (Function f : deployment.functions()) {
            for (Function.EnvVar env : f.environment()) {
                if (env.value() == null || !env.value().literal()) {
                    continue;
                }
                List<SecretMatch> found =
                        SecretDetector.inEnvironment(env.name(), env.value().text());
                Location at = env.keyLocation() != null
                        ? env.keyLocation()
                        : env.value().location();
                if (found.isEmpty() || !reported.add(at)) {
                    continue;
                }
                SecretMatch m = found.get(0);
                String message = "environment variable " + env.name() + " of function " + f.id() + " holds "
                        + (m.kind() == SecretKind.NAMED_SECRET
                                ? "a literal secret " + m.masked()
                                : "a " + m.describe());
                if (m.kind() == SecretKind.HIGH_ENTROPY) {
                    reporter.report(Severity.MEDIUM, at, f.id(), message);
                } else {
                    reporter.report(at, f.id(), message);
                }
            }
        }
    }
}
