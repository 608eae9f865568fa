package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;

/** A function URL whose CORS configuration allows any origin. */
final class FunctionUrlCorsWildcard implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-002",
            "lambda-url-cors-wildcard",
            Severity.MEDIUM,
            Category.EXPOSURE,
            "Function URL CORS allows any origin",
            "With AllowOrigins '*', any web page can call the function from a visitor's browser and read the response.",
            "List the origins that need access in Cors.AllowOrigins (serverless.yml: url.cors.allowedOrigins).",
            "Checkov CKV2_AWS_75",
            "Prowler awslambda_function_url_cors_policy");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Trigger t : d.triggers()) {
            if (t.kind() != Trigger.Kind.FUNCTION_URL || t.url() == null) {
                continue;
            }
            for (Value origin : t.url().corsAllowOrigins()) {
                if (origin.literal() && origin.text().trim().equals("*")) {
                    String subject = Exposure.subject(t);
                    reporter.report(origin.location(), subject, "function URL of " + subject + " allows CORS origin *");
                    break;
                }
            }
        }
    }
}
