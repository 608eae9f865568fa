package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;

/** REST API stages without a client certificate (ClientCertificateId). */
public final class ApiNoClientCertCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-005",
            "apigw-no-client-cert",
            Severity.LOW,
            Category.EXPOSURE,
            "REST API stage has no client certificate for its backend",
            "Without a client certificate the backend cannot verify that requests really come from API Gateway.",
            "Create an AWS::ApiGateway::ClientCertificate and set ClientCertificateId on the stage; verify it in the backend.",
            "KICS ed4c48b8",
            "Prowler apigateway_restapi_client_certificate_enabled",
            "Security Hub APIGateway.2");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (ApiStage s : Stages.rest(d)) {
            Value c = s.clientCertificate();
            if (c == null || (c.literal() && c.text().isBlank())) {
                r.report(Stages.at(c, s.location()), s.id(), Stages.name(s) + " has no client certificate.");
            }
        }
    }
}
