package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Trigger;

/** A function URL with {@code AuthType NONE}: anyone who learns the URL can invoke the function. */
final class FunctionUrlAuthNone implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-001",
            "lambda-url-auth-none",
            Severity.HIGH,
            Category.EXPOSURE,
            "Function URL allows unauthenticated access",
            "A function URL with AuthType NONE can be invoked by anyone on the internet who knows or guesses the URL; "
                    + "every call runs and bills the function.",
            "Set AuthType to AWS_IAM (serverless.yml: url.authorizer: aws_iam) and sign requests, or put the function "
                    + "behind an API with an authorizer.",
            "Checkov CKV_AWS_258",
            "Prowler awslambda_function_url_public");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Trigger t : d.triggers()) {
            if (t.kind() == Trigger.Kind.FUNCTION_URL
                    && t.url() != null
                    && Exposure.isNone(t.url().authType())) {
                String subject = Exposure.subject(t);
                reporter.report(
                        t.url().authType().location(),
                        subject,
                        "function URL of " + subject + " has AuthType NONE: anyone can invoke it");
            }
        }
    }
}
