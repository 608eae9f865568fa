package dev.vigil.posture.check.secrets;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.secrets.SecretDetector;
import java.util.List;

/** VGL-SECRET-001: AWS access keys written into a function's environment (or a serverless.yml provider's). */
public final class HardcodedAwsKeys implements Check {
    private static final CheckInfo INFO = SecretInfo.of(
            "VGL-SECRET-001",
            "hardcoded-aws-keys",
            Severity.CRITICAL,
            "AWS access key hard-coded in a function's environment",
            "A long-lived access key in the template is readable by everyone who can read the repository, the stack or"
                    + " the function configuration, and works from anywhere until it is rotated.",
            "Delete and rotate the key. The function's execution role already gives it temporary credentials; grant"
                    + " the permissions there.",
            List.of("Checkov CKV_AWS_41", "KICS 2564172f"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (LiteralEnvironment.Hit h : LiteralEnvironment.scan(deployment, SecretDetector::awsCredentials)) {
            reporter.report(
                    h.at(),
                    h.function().id(),
                    "environment variable " + h.variable().name() + " of function "
                            + h.function().id() + " holds an " + h.first().describe());
        }
    }
}
