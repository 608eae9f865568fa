package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.LambdaPermission;
import dev.vigil.posture.model.Value;
import java.util.Locale;

/**
 * Lambda permissions for API Gateway whose SourceArn lets any method on any resource invoke the function
 * ({@code …/*}{@code /*}), or any API ({@code execute-api:…:*}{@code /…}). A permission without SourceArn is the
 * concern of the lambda-permission-no-source check.
 */
public final class PublicLambdaViaApiGatewayCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-014",
            "public-lambda-via-apigw",
            Severity.MEDIUM,
            Category.EXPOSURE,
            "Function can be invoked by any method of an API (wildcard SourceArn)",
            "A permission whose SourceArn ends in /*/* lets every method and path of the API, including ones added"
                    + " later without authorization, invoke the function.",
            "Scope SourceArn to the stage, method and path that need the function, e.g."
                    + " arn:aws:execute-api:REGION:ACCOUNT:API_ID/prod/GET/orders.",
            "KICS 57b12981");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (LambdaPermission p : d.permissions()) {
            Value principal = p.principal();
            if (principal == null || !principal.text().toLowerCase(Locale.ROOT).contains("apigateway.amazonaws.com")) {
                continue;
            }
            Value arn = p.sourceArn();
            if (arn != null && wildcard(arn.text())) {
                r.report(
                        arn.location(),
                        p.id(),
                        "Permission " + p.id() + " lets any method of any resource of the API invoke the function.");
            }
        }
    }

    /** True for a SourceArn that ends in any-method-any-path, or names any API. */
    static boolean wildcard(String arn) {
        String t = arn.trim();
        if (t.endsWith("/*/*") || t.endsWith("/*/*/*") || t.equals("*")) {
            return true;
        }
        int slash = t.indexOf('/');
        String head = slash < 0 ? t : t.substring(0, slash);
        return head.endsWith(":*");
    }
}
