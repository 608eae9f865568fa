package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;

/** REST APIs whose endpoint is not PRIVATE (no endpoint configuration means edge-optimised, i.e. public). */
public final class ApiEndpointNotPrivateCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-003",
            "apigw-endpoint-not-private",
            Severity.LOW,
            Category.EXPOSURE,
            "REST API endpoint is public (not PRIVATE)",
            "An EDGE or REGIONAL endpoint is reachable from the whole internet; an API meant for callers inside a VPC"
                    + " should not be.",
            "Use EndpointConfiguration Types [PRIVATE] with VPC endpoints (provider.endpointType: PRIVATE in"
                    + " serverless.yml) when the API serves internal callers; otherwise protect every route.",
            "KICS 4a8daf95",
            "KICS 6b5b0313",
            "KICS 4d424558",
            "Prowler apigateway_restapi_public");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Api a : d.apis()) {
            if (!a.isRest() || !a.declared()) {
                continue;
            }
            if (a.endpointType() == null) {
                r.report(a.location(), a.id(), "REST API " + a.id() + " has no endpoint configuration (EDGE, public).");
            } else if (a.endpointType().literal() && !a.endpointType().is("PRIVATE")) {
                r.report(
                        a.endpointType().location(),
                        a.id(),
                        "REST API " + a.id() + " endpoint type is "
                                + a.endpointType().text() + ", not PRIVATE.");
            }
        }
    }
}
