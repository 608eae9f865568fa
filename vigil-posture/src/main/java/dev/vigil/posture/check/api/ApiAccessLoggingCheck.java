package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;

/**
 * Stages without access logging: no access-log destination on a REST stage, a V2 stage, or a deployment's
 * StageDescription. (Execution logging, the LoggingLevel of method settings, is {@link ApiExecutionLoggingCheck}.)
 */
public final class ApiAccessLoggingCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-011",
            "apigw-access-logging",
            Severity.MEDIUM,
            Category.OBSERVABILITY,
            "API stage has no access logging",
            "Without access logs there is no record of who called the API, from where and with what result, which"
                    + " incident response and abuse detection depend on.",
            "Set AccessLogSetting (REST) or AccessLogSettings (HTTP/WebSocket) with a DestinationArn log group"
                    + " (provider.logs.restApi / httpApi in serverless.yml).",
            "Checkov CKV_AWS_76",
            "Checkov CKV_AWS_95",
            "KICS 80d45af4",
            "KICS 06ec63e3",
            "KICS 0a994e04",
            "KICS a4d32883",
            "cfn_nag W45",
            "cfn_nag W46",
            "cfn_nag W69",
            "Prowler apigatewayv2_api_access_logging_enabled",
            "Security Hub APIGateway.9");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Stages.OfApi sa : Stages.all(d)) {
            ApiStage s = sa.stage();
            if (s.accessLogDestination() == null) {
                r.report(s.location(), s.id(), Stages.name(s) + " has no access log destination.");
            }
        }
    }
}
