package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;

/** REST API stages without X-Ray tracing (HTTP APIs do not support it). */
public final class ApiXrayCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-010",
            "apigw-xray",
            Severity.LOW,
            Category.OBSERVABILITY,
            "REST API stage has X-Ray tracing off",
            "Without tracing a slow or failing request cannot be followed from the API into the functions it calls.",
            "Set TracingEnabled: true on the stage (provider.tracing.apiGateway: true in serverless.yml).",
            "Checkov CKV_AWS_73",
            "KICS 4ab10c48",
            "KICS c757c6a3",
            "KICS 434945e5",
            "Prowler apigateway_restapi_tracing_enabled",
            "Security Hub APIGateway.3");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (ApiStage s : Stages.rest(d)) {
            if (Stages.isOff(s.tracingEnabled())) {
                r.report(
                        Stages.at(s.tracingEnabled(), s.location()),
                        s.id(),
                        Stages.name(s) + " has X-Ray tracing disabled.");
            }
        }
    }
}
