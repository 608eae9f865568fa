package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;

/**
 * REST and WebSocket stages whose execution logging is off (no method setting with LoggingLevel ERROR or INFO), and
 * stages that log full request and response bodies (DataTraceEnabled).
 */
public final class ApiExecutionLoggingCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-012",
            "apigw-execution-logging",
            Severity.MEDIUM,
            Category.OBSERVABILITY,
            "API stage execution logging is off, or logs full payloads",
            "Execution logs show authorizer and integration failures; without them errors cannot be diagnosed. Data"
                    + " tracing, on the other hand, writes whole requests and responses, secrets included, to CloudWatch.",
            "Set MethodSettings with HttpMethod '*', ResourcePath '/*' and LoggingLevel ERROR or INFO; keep"
                    + " DataTraceEnabled false in production.",
            "Checkov CKV_AWS_276",
            "Prowler apigateway_restapi_logging_enabled",
            "Security Hub APIGateway.1");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Stages.OfApi sa : Stages.all(d)) {
            ApiStage s = sa.stage();
            if (!s.isRest() && sa.api().kind() != Api.Kind.WEBSOCKET) {
                continue;
            }
            if (!loggingOn(s)) {
                r.report(
                        s.settingsLocation() == null ? s.location() : s.settingsLocation(),
                        s.id(),
                        Stages.name(s) + " has execution logging off (no LoggingLevel ERROR or INFO).");
            }
            for (ApiStage.MethodSetting m : s.methodSettings()) {
                if (Stages.isTrue(m.dataTraceEnabled())) {
                    r.report(
                            m.dataTraceEnabled().location(),
                            s.id(),
                            Stages.name(s) + " logs full request and response data (DataTraceEnabled).");
                }
            }
        }
    }

    /** True when some setting turns logging on (ERROR/INFO), or sets a level only known at deploy time. */
    static boolean loggingOn(ApiStage s) {
        for (ApiStage.MethodSetting m : s.methodSettings()) {
            Value level = m.loggingLevel();
            if (level != null && !level.is("OFF")) {
                return true;
            }
        }
        return false;
    }
}
