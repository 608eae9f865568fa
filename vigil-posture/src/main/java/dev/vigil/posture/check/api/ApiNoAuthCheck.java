package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.HttpRoute;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes anyone can call: authorization {@code NONE} (or not set) and no API key, except CORS preflight
 * ({@code OPTIONS}) methods and WebSocket routes other than {@code $connect} (which cannot carry authorization). An
 * API that declares neither an authorizer nor any route is reported too: nothing in the template protects it.
 */
public final class ApiNoAuthCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-001",
            "apigw-no-auth",
            Severity.HIGH,
            Category.EXPOSURE,
            "API route has no authorization",
            "A method or route with authorization NONE lets anyone on the internet invoke the function behind it,"
                    + " which exposes its data and its bill.",
            "Set an authorizer (AWS_IAM, COGNITO_USER_POOLS, a Lambda/JWT authorizer) on the method or route, or on"
                    + " the API as its default.",
            "Checkov CKV_AWS_59",
            "KICS 1056dfbb",
            "KICS 7fd0d461",
            "cfn_nag W59",
            "Prowler apigateway_restapi_authorizers_enabled",
            "Security Hub APIGateway.8");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        Map<String, Api> apis = new HashMap<>();
        Map<String, Integer> routeCount = new HashMap<>();
        for (Api a : d.apis()) {
            if (a.id() != null) {
                apis.put(a.id(), a);
            }
        }
        for (HttpRoute route : d.routes()) {
            if (route.apiId() != null) {
                routeCount.merge(route.apiId(), 1, Integer::sum);
            }
            Api api = route.apiId() == null ? null : apis.get(route.apiId());
            boolean websocket = api != null && api.kind() == Api.Kind.WEBSOCKET
                    || route.method() != null && route.method().startsWith("$") && route.path() == null;
            if (websocket && !"$connect".equals(route.method())) {
                continue;
            }
            if (route.isOpen() && !route.isPreflight() && !route.apiKeyRequired()) {
                r.report(route.location(), route.id(), describe(route) + " has no authorization: anyone can call it.");
            }
        }
        for (Api a : d.apis()) {
            if (a.isGateway() && a.declared() && a.authorizers().isEmpty() && !routeCount.containsKey(a.id())) {
                r.report(a.location(), a.id(), "API " + a.id() + " has no authorizer and no authorized routes.");
            }
        }
    }

    static String describe(HttpRoute route) {
        String what = route.method() == null ? "Method" : route.method();
        String where = route.path() == null ? "" : " " + route.path();
        return what + where + " (" + route.id() + ")";
    }
}
