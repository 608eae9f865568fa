package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;

/** REST API stages that no WAF web ACL association targets. */
public final class ApiNoWafCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APIGW-004",
            "apigw-no-waf",
            Severity.MEDIUM,
            Category.EXPOSURE,
            "REST API stage has no WAF web ACL",
            "Without a web ACL the stage has no protection against common exploits, bots and request floods.",
            "Associate an AWS WAFv2 web ACL with the stage (AWS::WAFv2::WebACLAssociation with the stage ARN).",
            "KICS fcbf9019",
            "Prowler apigateway_restapi_waf_acl_attached",
            "Security Hub APIGateway.4");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (ApiStage s : Stages.rest(d)) {
            if (!s.webAcl()) {
                r.report(s.location(), s.id(), Stages.name(s) + " has no WAF web ACL associated.");
            }
        }
    }
}
