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

/** REST API methods (other than CORS preflight) that do not require an API key. */
public final class ApiNoApiKeyCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-002",
            "apigw-no-api-key",
            Severity.LOW,
            Category.EXPOSURE,
            "REST API method does not require an API key",
            "Without an API key a method cannot be tied to a usage plan, so callers cannot be identified, throttled"
                    + " or cut off individually.",
            "Set ApiKeyRequired: true on the method (Auth.ApiKeyRequired in SAM, private: true in serverless.yml) and"
                    + " attach the key to a usage plan.",
            "KICS 3641d5b4");

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
            if (route.apiId() != null && notRest.contains(route.apiId())) {
                continue;
            }
            if (route.method() != null && route.method().startsWith("$")) {
                continue;
            }
            if (!route.apiKeyRequired()
                    && !route.isPreflight()
                    && (route.apiKey() == null || route.apiKey().literal())) {
                r.report(
                        Stages.at(route.apiKey(), route.location()),
                        route.id(),
                        ApiNoAuthCheck.describe(route) + " does not require an API key.");
            }
        }
    }
}
