package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;

/** REST API stages (and deployments) that no usage plan lists. */
public final class ApiNoUsagePlanCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-007",
            "apigw-no-usage-plan",
            Severity.MEDIUM,
            Category.DENIAL_OF_WALLET,
            "REST API stage is in no usage plan",
            "Without a usage plan there is no per-client throttle or quota, so one caller can run up the bill of every function behind the API.",
            "Add an AWS::ApiGateway::UsagePlan with Throttle and Quota whose ApiStages lists the stage.",
            "KICS 7f8f1b60",
            "KICS 783860a3",
            "cfn_nag W64",
            "cfn_nag W68");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (ApiStage s : Stages.rest(d)) {
            if (!s.usagePlan()) {
                r.report(s.location(), s.id(), Stages.name(s) + " is not associated with a usage plan.");
            }
        }
    }
}
