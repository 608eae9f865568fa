package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.HttpRoute;
import java.util.HashSet;
import java.util.Set;

/** REST API methods (other than CORS preflight) without a request validator. */
public final class ApiRequestValidationCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-015",
            "apigw-request-validation",
            Severity.LOW,
            Category.EXPOSURE,
            "REST API method does not validate requests",
            "Without a request validator malformed or oversized input reaches the function, which then pays for"
                    + " rejecting it and must defend against it alone.",
            "Create an AWS::ApiGateway::RequestValidator (ValidateRequestBody, ValidateRequestParameters) and set"
                    + " RequestValidatorId on the method, or x-amazon-apigateway-request-validator in the OpenAPI body.",
            "Checkov CKV2_AWS_53");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        Set<String> notRest = new HashSet<>();
        for (Api a : d.apis()) {
            if (a.id() != null && !a.isRest()) {
                notRest.add(a.id());
            }
        }
        for (HttpRoute route : d.routes()) {
            if (route.apiId() != null && notRest.contains(route.apiId())
                    || route.method() != null && route.method().startsWith("$")
                    || route.isPreflight()) {
                continue;
            }
            if (route.requestValidator() == null) {
                r.report(
                        route.location(),
                        route.id(),
                        ApiNoAuthCheck.describe(route) + " does not validate its requests.");
            }
        }
    }
}
